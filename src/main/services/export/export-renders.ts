import type Database from 'better-sqlite3'

/** One article's file as last rendered (migration 014). */
export interface RenderedFile {
  title: string
  body: Buffer
  sha256: string
}

/**
 * The export_renders table: each article's last rendered file, kept until anything it shows
 * changes (the migration's triggers delete it then). A row only counts for the fingerprint it was
 * made with, so another template, or a renderer that writes different bytes, never reuses it.
 */
export class ExportRenders {
  private readonly read: Database.Statement
  private readonly write: Database.Statement

  constructor(db: Database.Database) {
    // No join to articles to skip trashed ones: moving an article to the Trash deletes its row
    // (migration 014), and reading deleted_at, stored after the article's text, would cost more
    // than the whole read.
    this.read = db.prepare(
      `SELECT article_id, title, sha256, body FROM export_renders
       WHERE article_id IN (SELECT value FROM json_each(?)) AND fingerprint = ?`
    )
    this.read.raw(true)
    this.write = db.prepare('INSERT OR REPLACE INTO export_renders (article_id, fingerprint, title, sha256, body) VALUES (?, ?, ?, ?, ?)')
  }

  /** The stored files among these articles, by article id. */
  get(ids: readonly string[], fingerprint: string): Map<string, RenderedFile> {
    const rows = this.read.all(JSON.stringify(ids), fingerprint) as [string, string, string, Buffer][]
    return new Map(rows.map(([id, title, sha256, body]) => [id, { title, sha256, body }]))
  }

  /** Stores freshly rendered files; call in the transaction that read what they show. */
  put(files: ReadonlyMap<string, RenderedFile>, fingerprint: string): void {
    for (const [id, f] of files) this.write.run(id, fingerprint, f.title, f.sha256, f.body)
  }
}
