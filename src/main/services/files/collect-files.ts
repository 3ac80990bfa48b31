import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { join, resolve } from 'node:path'
import { DossierError } from '../../../shared/errors'
import { formatOf } from '../../../shared/import/parsed-document'
import { describeSystemError } from './system-error'

/** A file to import, or a place under a named folder that could not be read. */
export interface FoundFile {
  /** Absolute path. */
  path: string
  /** Set when the file or folder could not be listed; it is reported as rejected. */
  problem?: string
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
    if (root.stats.isDirectory()) walk(root.path, add, new Set())
    else add({ path: root.path })
  }
  return found
}

function statArgument(arg: string, path: string): Stats {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (err) {
    throw new DossierError('not_found', `${arg}: ${describeSystemError(err)}.`)
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new DossierError('not_found', `${arg}: not a file or a folder.`)
  return stats
}

function walk(dir: string, add: (file: FoundFile) => void, visited: Set<string>): void {
  let names: string[]
  try {
    // A symbolic link back up the tree would otherwise be walked forever.
    const real = realpathSync(dir)
    if (visited.has(real)) return
    visited.add(real)
    names = readdirSync(dir).sort()
  } catch (err) {
    add({ path: dir, problem: `cannot read the folder: ${describeSystemError(err)}.` })
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    let stats: Stats
    try {
      stats = statSync(path)
    } catch {
      continue // A dangling symbolic link: nothing to import.
    }
    if (stats.isDirectory()) walk(path, add, visited)
    else if (stats.isFile() && formatOf(name) !== null) add({ path })
  }
}
