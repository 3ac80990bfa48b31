import fc from 'fast-check'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { importText, tempDir, tempServices } from '../../../../test/support/temp-services'
import { ProvenanceService } from './provenance-service'

/** A small library with a log of every kind of entry, written once and copied for each run. */
async function template(): Promise<{ path: string; articles: number; entries: number }> {
  const s = tempServices({ actor: 'analyst1' })
  const ids = [
    await importText(s, 'a.txt', 'Alpha\n\nThe first article.\n\nIt has two paragraphs.'),
    await importText(s, 'b.txt', 'Beta\n\nThe second article, a little longer than the first one.'),
    await importText(s, 'c.txt', 'Gamma\n\nThe third article.')
  ]
  const h = s.highlights.create(ids[0]!, 7, 24).id
  s.grading.setCredibility(h, 2, 'seen elsewhere')
  const c = s.cases.create('Case')
  s.claims.add(c.id, 'A claim', { supports: [h] })
  s.articles.setBlockRemoved(ids[0]!, 2, true)
  s.trash.deleteArticle(ids[2]!)
  const entries = s.provenance.verify().entries
  s.db.pragma('wal_checkpoint(TRUNCATE)')
  s.close()
  return { path: s.dbPath, articles: ids.length, entries }
}

type Tamper =
  | { kind: 'original'; article: number; byte: number; flip: number }
  | { kind: 'edit'; entry: number; field: 'at' | 'actor' | 'action' | 'subject_id' | 'details' | 'prev_hash' | 'hash'; text: string }
  | { kind: 'delete'; entry: number }
  | { kind: 'swap'; a: number; b: number }

function apply(db: ReturnType<typeof openDatabase>, t: Tamper, entries: number): void {
  db.exec('DROP TRIGGER activity_log_no_update; DROP TRIGGER activity_log_no_delete')
  if (t.kind === 'original') {
    const rows = db.prepare('SELECT id, original FROM articles ORDER BY rowid').all() as { id: string; original: Buffer }[]
    const row = rows[t.article % rows.length]!
    const bytes = Buffer.from(row.original)
    const at = t.byte % bytes.length
    bytes.writeUInt8(bytes.readUInt8(at) ^ t.flip, at)
    db.prepare('UPDATE articles SET original = ? WHERE id = ?').run(bytes, row.id)
  } else if (t.kind === 'edit') {
    const seq = (t.entry % entries) + 1
    const current = db.prepare(`SELECT ${t.field} AS v FROM activity_log WHERE seq = ?`).pluck().get(seq) as string | null
    db.prepare(`UPDATE activity_log SET ${t.field} = ? WHERE seq = ?`).run(current === t.text ? `${t.text}!` : t.text, seq)
  } else if (t.kind === 'delete') {
    db.prepare('DELETE FROM activity_log WHERE seq = ?').run((t.entry % entries) + 1)
  } else {
    // Reordering: two entries trade places (their contents move, the sequence numbers stay).
    const a = (t.a % entries) + 1
    const b = (t.b % entries) + 1
    const rowA = db.prepare('SELECT * FROM activity_log WHERE seq = ?').get(a) as Record<string, unknown>
    const rowB = db.prepare('SELECT * FROM activity_log WHERE seq = ?').get(b) as Record<string, unknown>
    const put = db.prepare('UPDATE activity_log SET at = @at, actor = @actor, action = @action, subject_kind = @subject_kind, subject_id = @subject_id, details = @details, prev_hash = @prev_hash, hash = @hash WHERE seq = @target')
    put.run({ ...rowB, target: a })
    put.run({ ...rowA, target: b })
  }
}

describe('verify (property)', () => {
  it('detects any change to a stored original, any edit or deletion of a log entry, and any reordering', async () => {
    const { path, articles, entries } = await template()
    const dir = tempDir()
    let run = 0
    const tamper: fc.Arbitrary<Tamper> = fc.oneof(
      fc.record({ kind: fc.constant('original' as const), article: fc.nat(articles - 1), byte: fc.nat(), flip: fc.integer({ min: 1, max: 255 }) }),
      fc.record({
        kind: fc.constant('edit' as const),
        entry: fc.nat(entries - 1),
        field: fc.constantFrom('at' as const, 'actor' as const, 'action' as const, 'subject_id' as const, 'details' as const, 'prev_hash' as const, 'hash' as const),
        text: fc.string({ maxLength: 20 })
      }),
      fc.record({ kind: fc.constant('delete' as const), entry: fc.nat(entries - 1) }),
      fc
        .record({ kind: fc.constant('swap' as const), a: fc.nat(entries - 1), b: fc.nat(entries - 1) })
        .filter((t) => t.a !== t.b)
    )
    const untouched = join(dir, 'untouched.sqlite')
    copyFileSync(path, untouched)
    const clean = openDatabase(untouched)
    expect(new ProvenanceService(clean, () => '2026-01-01T00:00:00.000Z').verify()).toMatchObject({ ok: true, entries })
    clean.close()

    fc.assert(
      fc.property(tamper, (t) => {
        const copy = join(dir, `run-${run++}.sqlite`)
        copyFileSync(path, copy)
        const db = openDatabase(copy, { backupBeforeMigration: false })
        try {
          apply(db, t, entries)
          const report = new ProvenanceService(db, () => '2026-01-01T00:00:00.000Z').verify()
          expect(report.ok).toBe(false)
          expect(report.failures.length).toBeGreaterThan(0)
        } finally {
          db.close()
        }
      }),
      { numRuns: 80 }
    )
  })
})
