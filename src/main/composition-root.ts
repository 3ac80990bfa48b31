/**
 * What the other shells (the loopback web server, the CLI) may use of the back end, enforced by
 * the import rules in eslint.config.js. `openServices` builds the same services as the Electron
 * shell and the tests; the rest works on a library's files before or instead of opening it
 * (where it lives, its backups, what went wrong when it would not open).
 */
import type { ServiceOptions, Services } from './services/create-services'

export type { Services, ServiceOptions } from './services/create-services'
export type { Dispatch } from './services/dispatch'
export type { ExportScope } from './services/export-service'
export type { FoundFile } from './services/files/collect-files'
export type { PathResult } from './services/import/folder-import'
export type { BackupFile } from './db/backup-files'

export { defaultDbPath } from './user-data-path'
export { findBackup, listBackups } from './db/backup-files'
export { DatabaseFault, faultOf } from './db/database-fault'
export { libraryWarnings } from './db/risky-location'
export { describeSystemError } from './services/files/system-error'
export { collectFiles } from './services/files/collect-files'
export { writeManifestTo } from './services/analysis/manifest-file'
export { timelineCsv, timelineMarkdown } from './services/entities/timeline-export'

/** Loaded on demand: the services pull in jsdom and SQLite, which `--help` and usage errors never need. */
export async function openServices(options: ServiceOptions): Promise<Services> {
  const { createServices } = await import('./services/create-services')
  return createServices(options)
}

/** Puts a backup in place of a library that is closed (or too damaged to open); see backup-restore.ts. */
export async function restoreClosedLibrary(
  ...args: Parameters<typeof import('./services/backup-restore').restoreClosedLibrary>
): Promise<ReturnType<typeof import('./services/backup-restore').restoreClosedLibrary>> {
  const { restoreClosedLibrary: restore } = await import('./services/backup-restore')
  return restore(...args)
}
