import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { safeFileStem } from '../../../shared/markdown/file-name'
import type { ExportRecord } from './export-records'

/** The name of the copy written beside a file the analyst changed, keeping its extension. */
export function conflictName(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? `${fileName.slice(0, dot)}.dossier-conflict${fileName.slice(dot)}` : `${fileName}.dossier-conflict`
}

/**
 * Hands out file names inside one export folder. An article keeps the name it was first exported
 * under (recorded), even if its title changes. A new article gets its title's safe name, or the
 * next free "Title (n).md": free meaning not recorded for another article, not handed out in this
 * run, and not an existing file, unless that file is this article's own earlier export whose
 * record was lost (it carries the article's dossier_id).
 */
export class FolderNames {
  private readonly taken = new Set<string>()
  private readonly onDisk: Set<string>

  constructor(
    private readonly dir: string,
    private readonly records: ReadonlyMap<string, ExportRecord>
  ) {
    this.onDisk = new Set(listNames(dir).map((n) => n.toLowerCase()))
    for (const r of records.values()) this.taken.add(r.fileName.toLowerCase())
  }

  /** Whether a file of this name was in the folder when the export began (if not, there is nothing to read or protect). */
  existed(fileName: string): boolean {
    return this.onDisk.has(fileName.toLowerCase())
  }

  nameFor(articleId: string, title: string): string {
    const recorded = this.records.get(articleId)?.fileName
    if (recorded && isOwnName(recorded)) return recorded
    const stem = safeFileStem(title)
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${stem}.md` : `${stem} (${n}).md`
      const key = candidate.toLowerCase()
      if (this.taken.has(key)) continue
      if (this.onDisk.has(key) && !mentionsArticle(join(this.dir, candidate), articleId)) continue
      this.taken.add(key)
      return candidate
    }
  }
}

/** A recorded name is used only if it is still a plain name this code could have made (a damaged row cannot lead outside the folder). */
function isOwnName(name: string): boolean {
  return name.endsWith('.md') && safeFileStem(name.slice(0, -3)) === name.slice(0, -3)
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/**
 * Whether a file's first few kilobytes (its front matter) carry this article's dossier_id. A link
 * is not followed and a FIFO not waited on (opening one for reading blocks until a writer comes):
 * neither is a file Dossier wrote.
 */
function mentionsArticle(path: string, articleId: string): boolean {
  let fd: number | null = null
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    if (!fstatSync(fd).isFile()) return false
    const buffer = Buffer.alloc(4096)
    const read = readSync(fd, buffer, 0, buffer.length, 0)
    return buffer.subarray(0, read).toString('utf8').includes(`dossier_id: "${articleId}"`)
  } catch {
    return false
  } finally {
    if (fd !== null) closeSync(fd)
  }
}
