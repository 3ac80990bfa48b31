import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { DossierError } from '../../../shared/errors'
import { formatOf } from '../../../shared/import/parsed-document'
import type { Reason } from '../../../shared/reasons'
import { describeSystemError, systemErrorValues } from './system-error'

/** A file to import, or a place under a named folder that could not be read. */
export interface FoundFile {
  /** Absolute path. */
  path: string
  /** Set when the file or folder could not be listed; it is reported as rejected. */
  problem?: string
  /** Set when the entry was deliberately left out (a link leading outside the folder); reported as skipped. */
  skipped?: string
  /** The problem or the skip as a message id and values, for the interface to word (reasons.ts). */
  reason?: Reason
}

/**
 * Expands the command line's files and folders into the files to import, in a stable order.
 * Files named explicitly are always tried (the importer explains an unsupported type); inside
 * folders only the types the importer reads are taken, and hidden entries (.git, .obsidian) are skipped.
 * A path that does not exist is an error before anything is imported, so a typo never half-imports.
 */
export function collectFiles(args: readonly string[], cwd: string): FoundFile[] {
  const roots = args.map((arg) => ({ arg, path: resolve(cwd, arg), stats: statArgument(arg, resolve(cwd, arg)) }))
  const found: FoundFile[] = []
  const seen = new Set<string>()
  const add = (file: FoundFile) => {
    if (seen.has(file.path)) return
    seen.add(file.path)
    found.push(file)
  }
  for (const root of roots) {
    if (root.stats.isDirectory()) walk(root.path, realRoot(root.path), add, new Set())
    else add({ path: root.path })
  }
  return found
}

function statArgument(arg: string, path: string): Stats {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (err) {
    throw new DossierError('not_found', `${arg}: ${describeSystemError(err)}.`, { id: 'import.cannot_open', values: { file: arg, ...systemErrorValues(err) } })
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    throw new DossierError('not_found', `${arg}: not a file or a folder.`, { id: 'import.not_file_or_folder', values: { file: arg } })
  }
  return stats
}

function realRoot(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lossyUtf8 = new TextDecoder('utf-8')

/**
 * `root` is the chosen folder's real path: a symbolic link inside it that leads outside (a
 * cloned repository's `leak.md -> /etc/hostname`, a link to `/etc`) is skipped and reported, so
 * importing a folder never reads beyond it. Links that stay inside are followed.
 */
function walk(dir: string, root: string, add: (file: FoundFile) => void, visited: Set<string>): void {
  let entries: Buffer[]
  try {
    // A symbolic link back up the tree would otherwise be walked forever.
    const real = realpathSync(dir)
    if (visited.has(real)) return
    visited.add(real)
    // Names as bytes: a name that is not UTF-8 would come back with U+FFFD in it, a path that
    // does not exist, and the file would vanish from the report.
    entries = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare)
  } catch (err) {
    add({ path: dir, problem: `cannot read the folder: ${describeSystemError(err)}.`, reason: { id: 'import.cannot_read_folder', values: { file: basename(dir), ...systemErrorValues(err) } } })
    return
  }
  for (const entry of entries) {
    let name: string
    try {
      name = strictUtf8.decode(entry)
    } catch {
      const shown = lossyUtf8.decode(entry)
      if (!shown.startsWith('.') && (formatOf(shown) !== null || isFolder(Buffer.concat([Buffer.from(`${dir}/`), entry])))) {
        const problem = 'the file name is not valid UTF-8, so Dossier cannot open it; rename it and import it again.'
        add({ path: join(dir, shown), problem, reason: { id: 'import.bad_file_name', values: { file: shown } } })
      }
      continue
    }
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    let stats: Stats
    try {
      if (lstatSync(path).isSymbolicLink()) {
        const target = realpathSync(path)
        if (!inside(root, target)) {
          if (formatOf(name) !== null || statSync(path).isDirectory()) {
            add({ path, skipped: `a link to ${target}, outside the folder being imported; skipped.`, reason: { id: 'import.link_outside', values: { file: name, target } } })
          }
          continue
        }
      }
      stats = statSync(path)
    } catch {
      continue // A dangling symbolic link: nothing to import.
    }
    if (stats.isDirectory()) walk(path, root, add, visited)
    else if (stats.isFile() && formatOf(name) !== null) add({ path })
  }
}

function isFolder(path: Buffer): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}
