import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText, plainNoteState, tempDir, tempServices } from '../../../test/support/temp-services'
import { DatabaseFault, faultOf } from './database-fault'
import { openDatabase } from './open-database'
import { createDispatch } from '../services/dispatch'
import type { Handlers } from '../../shared/contract'

function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('file-system faults', () => {
  it('a library locked by another connection is named as locked, and opens once the lock is gone', () => {
    const path = join(tempDir(), 'dossier.sqlite')
    const first = openDatabase(path)
    first.prepare("INSERT INTO tags (name) VALUES ('kept')").run()
    first.close()
    const holder = new Database(path)
    holder.exec('BEGIN EXCLUSIVE')

    const err = caught(() => openDatabase(path, { busyTimeoutMs: 50 }))
    expect(err).toBeInstanceOf(DatabaseFault)
    expect((err as DatabaseFault).fault).toBe('locked')
    expect((err as Error).message).toBe(
      `The database ${path} is locked by another program (another Dossier, or a sync or backup tool); close it and try again.`
    )

    holder.exec('ROLLBACK')
    holder.close()
    const again = openDatabase(path)
    expect(again.prepare('SELECT name FROM tags').pluck().all()).toEqual(['kept'])
    again.close()
  })

  it('a full disk fails the save with a clear message, keeps everything committed, and the next save works once there is room', async () => {
    const s = tempServices()
    const id = await importText(s, 'ferry.txt', 'Ferry strike\n\nThe ferries stopped on Monday after talks failed.\n')
    const h = s.highlights.create(id, 0, 12)
    s.notes.save(h.id, plainNoteState('first thoughts'))
    const pages = s.db.pragma('page_count', { simple: true }) as number
    // The file may not grow: SQLite answers SQLITE_FULL exactly as on a full disk.
    s.db.pragma(`max_page_count = ${pages}`)

    const big = `Long memo\n\n${'Freight rates and insurance premiums moved again this week. '.repeat(4000)}`
    const imported = await s.dispatch('article.importPaste', { text: big })
    expect(imported).toMatchObject({ ok: false, error: { code: 'database_unusable', message: expect.stringContaining('the disk is full'), reason: { id: 'database.runtime' } } })
    const saved = await s.dispatch('note.save', { highlightId: h.id, content: plainNoteState('x'.repeat(200_000)) })
    expect(saved).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^note\.save failed: the disk is full/) } })

    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(s.articles.list(10, 0).total).toBe(1)
    expect(s.notes.get(h.id)?.content).toBe(plainNoteState('first thoughts'))

    s.db.pragma(`max_page_count = ${pages * 1000}`)
    expect((await s.dispatch('article.importPaste', { text: big })).ok).toBe(true)
  })

  it("tells the analyst the library is locked, and keeps SQLite's own code in the log", async () => {
    const logged: string[] = []
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' })
    const handlers = { 'notebook.save': () => { throw busy } } as unknown as Handlers
    const dispatch = createDispatch(handlers, (line) => logged.push(line))
    const answer = await dispatch('notebook.save', { articleId: '3f1b9a52-8c1d-4e0a-9b7e-2d6c5a4f8e10', content: plainNoteState('draft') })
    expect(answer).toMatchObject({ ok: false, error: { code: 'database_unusable', message: expect.stringContaining('holding the library locked'), reason: { id: 'database.runtime' } } })
    expect(logged).toEqual(['[dossier] notebook.save failed: SQLITE_BUSY_SNAPSHOT: database is locked'])
  })

  it('knows SQLite and file-system codes, extended ones included', () => {
    expect(faultOf({ code: 'SQLITE_CORRUPT_INDEX' })).toBe('corrupt')
    expect(faultOf({ code: 'SQLITE_IOERR_WRITE' })).toBe('io')
    expect(faultOf({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('readonly')
    expect(faultOf({ code: 'ENOSPC' })).toBe('full')
    expect(faultOf({ code: 'EROFS' })).toBe('readonly')
    expect(faultOf(new Error('something else'))).toBeNull()
  })
})
