import type Database from 'better-sqlite3'

export interface ExportRecord {
  fileName: string
  sha256: string
}

/** The export_files table (migration 011): what each export wrote into each folder. */
export class ExportRecords {
  constructor(private readonly db: Database.Database) {}

  /** The folder's records by article id. */
  forFolder(folder: string): Map<string, ExportRecord> {
    const rows = this.db.prepare('SELECT article_id, file_name, sha256 FROM export_files WHERE folder = ?').all(folder) as {
      article_id: string
      file_name: string
      sha256: string
    }[]
    return new Map(rows.map((r) => [r.article_id, { fileName: r.file_name, sha256: r.sha256 }]))
  }

  /** Saves a batch's records in one transaction, after its files are on disk. */
  save(folder: string, entries: readonly { articleId: string; fileName: string; sha256: string }[], at: string): void {
    if (entries.length === 0) return
    const upsert = this.db.prepare(
      `INSERT INTO export_files (folder, article_id, file_name, sha256, exported_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (folder, article_id) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
         exported_at = excluded.exported_at`
    )
    commitRebuildable(this.db, () => {
      for (const e of entries) upsert.run(folder, e.articleId, e.fileName, e.sha256, at)
    })
  }
}

/**
 * Runs `write` in one transaction committed without the fsync that FULL costs every commit: on a
 * busy disk that fsync, once a batch, took longer than writing the batch's files. Only for rows
 * that can be rebuilt: export records (a file is recognised by its dossier_id) and stored renders
 * (a miss renders again). Nothing else runs between the two pragmas.
 */
export function commitRebuildable<T>(db: Database.Database, write: () => T): T {
  const previous = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    return db.transaction(write)()
  } finally {
    db.pragma(`synchronous = ${Math.trunc(previous)}`)
  }
}
