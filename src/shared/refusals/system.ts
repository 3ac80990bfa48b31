import { refusal } from './refusal'

/** What is wrong with a library file (or a backup), in the terms the analyst can act on. */
export type FaultKind = 'not_sqlite' | 'corrupt' | 'readonly' | 'locked' | 'full' | 'io' | 'permission' | 'cantopen'
/** The faults a running call can meet. */
export type RuntimeFaultKind = 'full' | 'readonly' | 'locked' | 'io' | 'corrupt'

const FAULT: Record<FaultKind, string> = {
  not_sqlite: 'is not a Dossier database (not an SQLite file, or encrypted)',
  corrupt: 'is damaged (SQLite reports corruption)',
  readonly: 'is read-only; Dossier needs to write to it (check the file’s permissions, or whether the disk is mounted read-only)',
  locked: 'is locked by another program (another Dossier, or a sync or backup tool); close it and try again',
  full: 'cannot be written: the disk is full; free some space and try again — nothing already saved was lost',
  io: 'could not be read or written (input/output error)',
  permission: 'cannot be accessed: permission denied',
  cantopen: 'cannot be opened (check that the folder exists and is writable)'
}

const RUNTIME: Record<RuntimeFaultKind, string> = {
  full: 'the disk is full. Free some space and try again; everything saved before is safe',
  readonly: 'the library file has become read-only. Check its permissions or the disk; everything saved before is safe',
  locked: 'another program is holding the library locked. Close it and try again',
  io: 'the disk reported an input/output error. Everything saved before is safe; check the disk',
  corrupt: 'the library file is damaged. Restore it from a backup (File > Restore from Backup…)'
}

type Path = { path: string }

/** The library file, its backups and the gate every call passes. */
export const SYSTEM_REFUSALS = {
  'database.fault': refusal('database_unusable', 'refusals:database.fault', (v: { path: string; fault: FaultKind }) => `The database ${v.path} ${FAULT[v.fault]}.`),
  'database.corrupt_check': refusal(
    'database_unusable',
    'refusals:database.corrupt_check',
    (v: { path: string; found: string }) => `The database ${v.path} ${FAULT.corrupt}. The check found: ${v.found}.`
  ),
  'database.full_before_upgrade': refusal(
    'database_unusable',
    'refusals:database.full_before_upgrade',
    (v: Path) => `The database ${v.path} ${FAULT.full}. Dossier backs the library up before upgrading it and could not.`
  ),
  'database.runtime': refusal('database_unusable', 'refusals:database.runtime', (v: { channel: string; fault: RuntimeFaultKind }) => `${v.channel} failed: ${RUNTIME[v.fault]}.`),
  'database.newer_schema': refusal(
    'schema_too_new',
    'refusals:database.newer_schema',
    (v: { path: string; version: number; latest: number }) =>
      `The database ${v.path} was written by a newer version of Dossier (schema ${v.version}; this version knows up to ${v.latest}). Update Dossier to open it.`
  ),
  'backup.missing_file': refusal('not_found', 'refusals:backup.missing_file', (v: Path) => `No backup at ${v.path}.`),
  'backup.missing_named': refusal('not_found', 'refusals:backup.missing_named', (v: { name: string; folder: string }) => `No backup named ${v.name} in ${v.folder}.`),
  'backup.newer_schema': refusal(
    'schema_too_new',
    'refusals:backup.newer_schema',
    (v: { path: string; version: number }) => `The backup ${v.path} was written by a newer version of Dossier (schema ${v.version}).`
  ),
  'backup.not_listed': refusal('internal', 'refusals:backup.not_listed', (v: Path) => `The backup ${v.path} was written but is not listed.`)
}
