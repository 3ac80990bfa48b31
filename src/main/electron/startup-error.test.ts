import { describe, expect, it } from 'vitest'
import type { BackupFile } from '../db/backup-files'
import { DatabaseFault } from '../db/database-fault'
import { describeStartupError } from './startup-error'

const dbPath = '/home/ana/.config/Dossier/dossier.sqlite'
const backup: BackupFile = {
  name: 'dossier.20261201T090000000Z.daily.sqlite',
  path: '/home/ana/.config/Dossier/Backups/dossier.20261201T090000000Z.daily.sqlite',
  createdAt: '2026-12-01T09:00:00.000Z',
  reason: 'daily',
  bytes: 4096
}

describe('describeStartupError', () => {
  it('offers the newest backup for a damaged library, saying the damaged file is kept', () => {
    const failure = describeStartupError(new DatabaseFault('corrupt', dbPath), { dbPath, nativeBinding: undefined, backups: [backup] })
    expect(failure.title).toBe('Dossier’s library is damaged')
    expect(failure.offerRestore).toBe(backup)
    expect(failure.message).toContain(`The database ${dbPath} is damaged`)
    expect(failure.message).toContain('kept, not deleted')
    expect(failure.message).toContain('2026-12-01 09:00 UTC')
  })

  it('says there is no backup when there is none, and offers nothing', () => {
    const failure = describeStartupError(new DatabaseFault('not_sqlite', dbPath), { dbPath, nativeBinding: undefined, backups: [] })
    expect(failure.offerRestore).toBeUndefined()
    expect(failure.message).toContain('There is no backup of it')
  })

  it.each([
    ['locked', 'Dossier’s library is in use', 'locked by another program'],
    ['readonly', 'Dossier’s library is read-only', 'is read-only'],
    ['full', 'The disk is full', 'the disk is full']
  ] as const)('names a %s library without offering a restore: nothing is wrong with its contents', (fault, title, words) => {
    const failure = describeStartupError(new DatabaseFault(fault, dbPath), { dbPath, nativeBinding: undefined, backups: [backup] })
    expect(failure).toMatchObject({ title })
    expect(failure.message).toContain(words)
    expect(failure.offerRestore).toBeUndefined()
  })
})
