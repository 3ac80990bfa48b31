import { describe, expect, it } from 'vitest'
import { tempServices } from '../../../../test/support/temp-services'
import { openDatabase } from '../open-database'
import { LATEST_WITH_URL, SAME_TITLE_WITHOUT_URL } from '../repos/articles'

const plan = (db: ReturnType<typeof tempServices>['db'], sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')

describe('the earlier-version checks of an import (migration 076)', () => {
  it('read an index instead of every article, so an import does not slow down as the library grows', () => {
    const s = tempServices()
    try {
      const byUrl = plan(s.db, LATEST_WITH_URL, 'https://example.com/a')
      expect(byUrl).toMatch(/USING INDEX articles_url/)
      expect(byUrl).not.toMatch(/SCAN articles|TEMP B-TREE/)
      const byTitle = plan(s.db, SAME_TITLE_WITHOUT_URL, 'Harbour pact', 'Baltic Ledger')
      expect(byTitle).toMatch(/USING INDEX articles_title_without_url/)
      expect(byTitle).not.toMatch(/SCAN articles|TEMP B-TREE/)
    } finally {
      s.close()
    }
  })

  it('are indexed in a library made before them, when it is opened', () => {
    const s = tempServices()
    s.db.exec('DROP INDEX articles_url; DROP INDEX articles_title_without_url; DELETE FROM schema_migrations WHERE version = 76')
    const path = s.dbPath
    s.close()
    const db = openDatabase(path)
    try {
      expect(plan(db, LATEST_WITH_URL, 'https://example.com/a')).toMatch(/USING INDEX articles_url/)
      expect(plan(db, SAME_TITLE_WITHOUT_URL, 'Harbour pact', null)).toMatch(/USING INDEX articles_title_without_url/)
    } finally {
      db.close()
    }
  })
})
