import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupFolder, listBackups, newBackupPath } from '../db/backup-files'
import { schemaVersion } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { openDatabase } from '../db/open-database'
import { restoreClosedLibrary } from './backup-restore'
import { DossierError } from '../../shared/errors'
import { createI18n, translator } from '../../shared/i18n'
import { reasonText } from '../../shared/i18n/reason-messages'
import { BackupService, DAY_MS } from './backup-service'
import { importText, plainNoteState, tempDir, tempServices } from '../../../test/support/temp-services'

const LATEST = MIGRATIONS.at(-1)!.version

function integrity(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

function count(path: string, table: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

async function libraryWithWork() {
  const s = tempServices()
  const a = await importText(s, 'ferry.txt', 'Ferry strike\n\nThe ferries stopped on Monday after talks failed.\n')
  const b = await importText(s, 'ice.txt', 'Ice report\n\nThe Gulf froze early this year, the earliest since 1987.\n')
  const h = s.highlights.create(a, 14, 40)
  s.notes.save(h.id, plainNoteState('check with the port authority'))
  return { s, a, b, h }
}

describe('backups', () => {
  it('takes a backup that passes integrity_check and holds every row, listed newest first', async () => {
    const { s } = await libraryWithWork()
    const first = await s.backups.create('manual')
    await importText(s, 'third.txt', 'Third memo\n\nFreight rates fell sharply in November.\n')
    const second = await s.backups.create('manual')

    expect(s.backups.list().map((b) => b.name)).toEqual([second.name, first.name])
    expect(first.path.startsWith(backupFolder(s.dbPath))).toBe(true)
    expect(integrity(first.path)).toBe('ok')
    expect([count(first.path, 'articles'), count(first.path, 'highlights'), count(first.path, 'notes')]).toEqual([2, 1, 1])
    expect(count(second.path, 'articles')).toBe(3)
    expect(first.reason).toBe('manual')
    expect(first.bytes).toBeGreaterThan(0)
  })

  it('keeps only the newest seven', async () => {
    const { s } = await libraryWithWork()
    const made = []
    for (let i = 0; i < 9; i++) made.push(await s.backups.create('manual'))
    const kept = s.backups.list()
    expect(kept).toHaveLength(7)
    expect(kept.map((b) => b.name)).toEqual(made.slice(2).reverse().map((b) => b.name))
    expect(existsSync(made[0]!.path)).toBe(false)
  })

  it('never lists a copy a crash left half-written', async () => {
    const { s } = await libraryWithWork()
    writeFileSync(newBackupPath(s.dbPath, 'daily') + '.partial', 'half a database')
    expect(s.backups.list()).toEqual([])
  })

  it('takes no daily backup of an empty library', async () => {
    const s = tempServices()
    s.backups.startDaily(60_000)
    await s.backups.stop()
    expect(s.backups.list()).toEqual([])
  })

  it('takes a daily backup at once when the newest is a day old, and not again the same day', async () => {
    const { s } = await libraryWithWork()
    let now = new Date('2026-03-01T09:00:00Z')
    const service = new BackupService(s.db, s.dbPath, { now: () => now })
    service.startDaily(60_000)
    await service.stop()
    expect(service.list().map((b) => b.reason)).toEqual(['daily'])

    now = new Date(now.getTime() + DAY_MS / 2)
    service.startDaily(60_000)
    await service.stop()
    expect(service.list()).toHaveLength(1)

    now = new Date(now.getTime() + DAY_MS)
    service.startDaily(60_000)
    await service.stop()
    expect(service.list().map((b) => b.reason)).toEqual(['daily', 'daily'])
  })

  it('restores into the open library: rows come back, the library passes integrity_check, and the replaced state is kept as a backup', async () => {
    const { s, a, b } = await libraryWithWork()
    const backup = await s.backups.create('manual')
    s.db.prepare('DELETE FROM articles WHERE id = ?').run(b)
    await importText(s, 'later.txt', 'Later memo\n\nA memo written after the backup.\n')

    const outcome = await s.backups.restore(backup.name)

    expect(outcome.counts).toEqual({ articles: 2, highlights: 1, notes: 1 })
    expect(s.articles.list(10, 0).items.map((x) => x.title).sort()).toEqual(['Ferry strike', 'Ice report'])
    expect(s.highlights.list(a)[0]!.notePreview).toBe('check with the port authority')
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal')
    // Restoring is itself undoable: the state it replaced is the newest backup.
    expect(outcome.keptAs.reason).toBe('before-restore')
    expect(count(outcome.keptAs.path, 'articles')).toBe(2)
    expect(readdirSync(s.dir).filter((n) => n.includes('.restor'))).toEqual([])
  })

  it('refuses a backup that fails integrity_check and leaves the library as it was', async () => {
    const { s } = await libraryWithWork()
    const backup = await s.backups.create('manual')
    const bytes = readFileSync(backup.path)
    // Scribble over the pages after the first: the header still says SQLite.
    bytes.fill(0x5a, 4096 + 100, bytes.length - 10)
    writeFileSync(backup.path, bytes)

    const refused = await s.backups.restore(backup.name).catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(DossierError)
    const { message, reason } = refused as DossierError
    expect(message).toMatch(/is damaged|not a Dossier database/)
    // The analyst reads why in their language, the backup's path included (issue 21).
    expect(['database.corrupt_check', 'database.fault']).toContain(reason?.id)
    const fr = reasonText(reason!, translator(await createI18n('fr')))
    expect(fr).toMatch(/^La base de données .* (est endommagée|n’est pas une base Dossier)/)
    expect(fr).toContain(backup.path)
    expect(reasonText(reason!, translator(await createI18n('en')))).toBe(message)
    expect(s.articles.list(10, 0).total).toBe(2)
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readFileSync(backup.path).equals(bytes)).toBe(true)
  })

  it('refuses a name that is not one of the backups, such as a path', async () => {
    const { s } = await libraryWithWork()
    await s.backups.create('manual')
    await expect(s.backups.restore('../library.sqlite')).rejects.toMatchObject({ code: 'not_found' })
    await expect(s.backups.restore(s.dbPath)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('restores a closed library by moving it aside, keeping its committed -wal beside it', async () => {
    const { s } = await libraryWithWork()
    const backup = await s.backups.create('manual')
    await importText(s, 'later.txt', 'Later memo\n\nA memo written after the backup.\n')
    await s.close()

    const { keptAs, counts } = restoreClosedLibrary(backup.path, s.dbPath)
    expect(counts.articles).toBe(2)
    expect(integrity(s.dbPath)).toBe('ok')
    expect(count(s.dbPath, 'articles')).toBe(2)
    expect(count(keptAs!, 'articles')).toBe(3)
  })
})

describe('backup before a migration', () => {
  it('copies the library at its old schema before upgrading it', () => {
    const dir = tempDir()
    const path = join(dir, 'dossier.sqlite')
    const old = new Database(path)
    const older = MIGRATIONS.slice(0, -1)
    for (const m of older) {
      if (typeof m.up === 'string') old.exec(m.up)
      else m.up(old)
    }
    old.pragma(`user_version = ${older.at(-1)!.version}`)
    old.prepare("INSERT INTO tags (name) VALUES ('baltic')").run()
    old.close()

    openDatabase(path).close()

    const [backup] = listBackups(path)
    expect(backup!.reason).toBe(`before-migration-${LATEST}`)
    const copy = new Database(backup!.path, { readonly: true })
    expect(schemaVersion(copy)).toBe(older.at(-1)!.version)
    expect(copy.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'baltic' }])
    copy.close()
  })

  it('takes none for a new library or one already up to date', () => {
    const path = join(tempDir(), 'dossier.sqlite')
    openDatabase(path).close()
    openDatabase(path).close()
    expect(listBackups(path)).toEqual([])
  })
})
