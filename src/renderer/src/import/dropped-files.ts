const IMPORTABLE = /\.(txt|text|md|markdown|html?)$/i

/**
 * Files dropped on the window, with folders walked recursively. Inside folders only the types
 * Dossier imports are taken and hidden entries (.git, .obsidian) skipped; a file dropped by
 * itself is always tried, so an unsupported one is reported rather than ignored.
 */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e)
  if (entries.length === 0) return [...data.files]
  const files: File[] = []
  for (const entry of entries) {
    if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, files)
    else files.push(await fileOf(entry as FileSystemFileEntry))
  }
  return files
}

/** A folder picked with the folder picker: the same rule as for dropped folders. */
export function filesInFolder(files: readonly File[]): File[] {
  return files
    .filter((f) => IMPORTABLE.test(f.name) && !f.webkitRelativePath.split('/').some((part) => part.startsWith('.')))
    .sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath))
}

async function walk(dir: FileSystemDirectoryEntry, into: File[]): Promise<void> {
  const reader = dir.createReader()
  // readEntries answers in batches (about 100 at a time in Chromium) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    for (const entry of batch.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, into)
      else if (IMPORTABLE.test(entry.name)) into.push(await fileOf(entry as FileSystemFileEntry))
    }
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}
