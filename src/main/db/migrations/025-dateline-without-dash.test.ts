import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importText, tempServices } from '../../../../test/support/temp-services'
import { openDatabase } from '../open-database'

const STORY = 'Shipyard orders rise\n\nGDANSK — Shipyard orders rose for the third month running, the industry body said on Monday.\n'

describe('datelines (issue 15, item 14)', () => {
  it('are stored without the dash that ends them in the text', async () => {
    const s = tempServices()
    const id = await importText(s, 'gdansk.txt', STORY)
    expect(s.articles.get(id).dateline).toBe('GDANSK')
  })

  it('lose the dash stored before, when an older library is opened', async () => {
    const s = tempServices()
    const id = await importText(s, 'gdansk.txt', STORY)
    s.db.prepare("UPDATE articles SET dateline = 'GDANSK —' WHERE id = ?").run(id)
    // As a library at schema 23 was: steps 24 and 25 not yet applied. (Later steps stay recorded:
    // their schema is already in place, and replaying an ADD COLUMN would fail.)
    s.db.prepare('DELETE FROM schema_migrations WHERE version IN (24, 25)').run()
    s.db.pragma('user_version = 23')
    const path = s.dbPath
    s.close()
    const db = openDatabase(path)
    try {
      expect(db.prepare('SELECT dateline FROM articles WHERE id = ?').pluck().get(id)).toBe('GDANSK')
    } finally {
      db.close()
    }
    const raw = new Database(path)
    expect(raw.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(25)
    raw.close()
  })

  it('can be set in Edit details, and a dash typed after the place is dropped', async () => {
    const s = tempServices()
    const id = await importText(s, 'gdansk.txt', STORY)
    const set = await s.dispatch('article.updateMetadata', { id, patch: { dateline: 'GDYNIA, Poland —' } })
    expect(set).toMatchObject({ ok: true, value: { dateline: 'GDYNIA, Poland' } })
    const cleared = await s.dispatch('article.updateMetadata', { id, patch: { dateline: null } })
    expect(cleared).toMatchObject({ ok: true, value: { dateline: null } })
  })
})
