import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/support/temp-services'
import { openDatabase } from './open-database'
import { openWorkerConnection } from './worker-connection'

function library(): string {
  const path = join(tempDir(), 'library.sqlite')
  openDatabase(path, { backupBeforeMigration: false }).close()
  return path
}

describe('openWorkerConnection', () => {
  it("sets up a worker's connection as main's for what it writes: durability asked, foreign keys, busy wait, the triggers' functions", () => {
    const path = library()
    const imports = openWorkerConnection(path, { actor: 'analyst-a', synchronous: 'FULL' })
    const extraction = openWorkerConnection(path, { actor: 'analyst-a', synchronous: 'NORMAL', cacheKib: 16384 })
    try {
      // 2 is FULL (an import acknowledged survives a power cut), 1 NORMAL (derived rows only).
      expect(imports.pragma('synchronous', { simple: true })).toBe(2)
      expect(extraction.pragma('synchronous', { simple: true })).toBe(1)
      expect(extraction.pragma('cache_size', { simple: true })).toBe(-16384)
      for (const db of [imports, extraction]) {
        expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
        expect(db.pragma('busy_timeout', { simple: true })).toBe(10000)
        expect(db.prepare('SELECT dossier_actor()').pluck().get()).toBe('analyst-a')
        // A mention of an article that does not exist is refused, not left orphaned.
        expect(() =>
          db
            .prepare(`INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key) VALUES ('no-such-article', 0, 4, 'Kaya', 'person', 'library', 'person:kaya')`)
            .run()
        ).toThrow(/FOREIGN KEY/)
      }
    } finally {
      imports.close()
      extraction.close()
    }
  })

  it('never creates a library: the file main opened and migrated must be there', () => {
    const missing = join(tempDir(), 'gone.sqlite')
    expect(() => openWorkerConnection(missing, { actor: 'a', synchronous: 'FULL' })).toThrow()
    expect(existsSync(missing)).toBe(false)
  })
})
