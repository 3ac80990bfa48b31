import { existsSync, renameSync, rmSync } from 'node:fs'

/** A backup being copied and checked before a restore. */
export const stagingPath = (dbPath: string): string => `${dbPath}.restoring`
/** The checked copy, about to take the library's place. */
export const verifiedPath = (dbPath: string): string => `${dbPath}.restored`

/**
 * Finishes or forgets a restore that a crash interrupted, before the library is opened. A checked
 * copy with no library beside it means the crash came between moving the old library aside and
 * renaming the copy in: the copy takes its place. Anything else means the restore never began to
 * replace anything, and the half-made copy goes.
 */
export function settleInterruptedRestore(dbPath: string): void {
  rmSync(stagingPath(dbPath), { force: true })
  const verified = verifiedPath(dbPath)
  if (!existsSync(verified)) return
  if (existsSync(dbPath)) rmSync(verified, { force: true })
  else renameSync(verified, dbPath)
}
