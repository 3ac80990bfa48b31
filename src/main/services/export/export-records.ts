import type Database from 'better-sqlite3'
import { exportsRepo } from '../../db/repos/exports'

export interface ExportRecord {
  fileName: string
  sha256: string
}

/** What each export wrote into each folder (export_records, migration 016). */
export class ExportRecords {
  private readonly folderIds = new Map<string, number>()

  private readonly exports: ReturnType<typeof exportsRepo>

  constructor(private readonly db: Database.Database) {
    this.exports = exportsRepo(db)
  }

  /** The folder's records by article id. */
  forFolder(folder: string): Map<string, ExportRecord> {
    const rows = this.exports.recordsInFolder(folder)
    return new Map(rows.map(([articleId, fileName, sha256]) => [articleId, { fileName, sha256 }]))
  }

  /** Saves a batch's records in one transaction, after its files are on disk. */
  save(folder: string, entries: readonly { articleId: string; fileName: string; sha256: string }[], at: string): void {
    if (entries.length === 0) return
    commitRebuildable(this.db, () => {
      const id = this.folderId(folder)
      for (const e of entries) this.exports.upsertRecord(id, e.articleId, e.fileName, e.sha256, at)
    })
  }

  private folderId(folder: string): number {
    let id = this.folderIds.get(folder)
    if (id === undefined) {
      id = this.exports.folderId(folder)
      this.folderIds.set(folder, id)
    }
    return id
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
