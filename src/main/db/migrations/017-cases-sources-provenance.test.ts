import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/temp-services'
import { ProvenanceService } from '../../services/analysis/provenance-service'
import { NearDuplicates } from '../../services/analysis/near-duplicates'
import { migrate } from '../migrate'
import { openDatabase } from '../open-database'
import { MIGRATIONS } from '.'
import { WIRE_STORY } from '../../../shared/analysis/fixtures/labelled-pairs'

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

describe('migration 017 on an existing library', () => {
  it('hashes what is there, logs each article at its stored import time, proposes sources and indexes near-copies', () => {
    const path = join(tempDir(), 'old.sqlite')
    const old = new Database(path)
    migrate(old, MIGRATIONS.filter((m) => m.version <= 16), path)
    const insert = old.prepare(
      `INSERT INTO articles (id, title, source, url, imported_at, original_name, original_type, original, text, content_hash, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`
    )
    const rows = [
      ['00000000-0000-4000-8000-0000000000a1', 'Wire', 'Reuters', 'https://www.reuters.com/a', '2025-03-01T10:00:00.000Z', WIRE_STORY, null],
      ['00000000-0000-4000-8000-0000000000a2', 'Copy', null, 'https://reuters.com/b', '2025-03-02T10:00:00.000Z', `${WIRE_STORY}\n\nMore.`, null],
      ['00000000-0000-4000-8000-0000000000a3', 'Note', null, null, '2025-03-03T10:00:00.000Z', 'A note of my own about something else entirely.', '2025-04-01T00:00:00.000Z']
    ] as const
    for (const [id, title, source, url, at, text, deleted] of rows) {
      insert.run(id, title, source, url, at, `${id}.txt`, Buffer.from(`\uFEFF${text}`), text, sha(text), deleted)
    }
    old.close()

    const db = openDatabase(path)
    try {
      const articles = db.prepare('SELECT id, original, text, original_sha256, text_sha256, import_method, source, source_id FROM articles ORDER BY imported_at').all() as {
        id: string
        original: Buffer
        text: string
        original_sha256: string
        text_sha256: string
        import_method: string
        source: string | null
        source_id: string | null
      }[]
      for (const a of articles) {
        expect(a.original_sha256).toBe(sha(a.original))
        expect(a.text_sha256).toBe(sha(a.text))
        expect(a.import_method).toBe('before-provenance')
      }
      // The second article names no outlet but shares the first one's domain.
      expect(articles[0]!.source_id).not.toBeNull()
      expect(articles[1]!.source_id).toBe(articles[0]!.source_id)
      expect(articles[2]!.source_id).toBeNull()
      const log = db.prepare('SELECT seq, at, action, subject_id FROM activity_log ORDER BY seq').all()
      expect(log).toEqual([
        { seq: 1, at: '2025-03-01T10:00:00.000Z', action: 'import', subject_id: rows[0][0] },
        { seq: 2, at: '2025-03-02T10:00:00.000Z', action: 'import', subject_id: rows[1][0] },
        { seq: 3, at: '2025-03-03T10:00:00.000Z', action: 'import', subject_id: rows[2][0] },
        { seq: 4, at: '2025-04-01T00:00:00.000Z', action: 'delete', subject_id: rows[2][0] }
      ])
      expect(new NearDuplicates(db).similarToArticle(rows[0][0]).map((c) => c.articleId)).toEqual([rows[1][0]])
      expect(new ProvenanceService(db, () => '2026-01-01T00:00:00.000Z').verify()).toMatchObject({ ok: true, articles: 3, entries: 4 })
    } finally {
      db.close()
    }
  })
})
