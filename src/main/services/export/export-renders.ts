import type Database from 'better-sqlite3'

/** One article's file as last rendered (migration 014), without its bytes: enough to name and record it. */
export interface RenderHead {
  title: string
  sha256: string
}

export interface RenderedFile extends RenderHead {
  body: Buffer
}

/** Stored bodies by article id, with the hash each was stored with; what the export writer reads. */
export type StoredBodies = (articleIds: readonly string[]) => Map<string, { sha256: string; body: Uint8Array }>

/**
 * The export_renders table: each article's last rendered file, kept until anything it shows
 * changes (the migration's triggers delete it then). A row only counts for the fingerprint it was
 * made with, so another template, or a renderer that writes different bytes, never reuses it.
 *
 * The main thread reads heads only; the writer reads the bodies (export_render_bodies, migration
 * 016) itself, so fifty megabytes of stored files never cross the main thread.
 */
export class ExportRenders {
  private readonly read: Database.Statement
  private readonly writeHead: Database.Statement
  private readonly writeBody: Database.Statement

  constructor(db: Database.Database) {
    // No join to articles to skip trashed ones: moving an article to the Trash deletes its row
    // (migration 014), and reading deleted_at, stored after the article's text, would cost more
    // than the whole read.
    this.read = db.prepare(
      `SELECT article_id, title, sha256 FROM export_renders
       WHERE article_id IN (SELECT value FROM json_each(?)) AND fingerprint = ?`
    )
    this.read.raw(true)
    this.writeHead = db.prepare(
      `INSERT INTO export_renders (article_id, fingerprint, title, sha256) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET fingerprint = excluded.fingerprint, title = excluded.title, sha256 = excluded.sha256`
    )
    this.writeBody = db.prepare(
      'INSERT INTO export_render_bodies (article_id, body) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body'
    )
  }

  /** The stored renders among these articles, by article id. */
  heads(ids: readonly string[], fingerprint: string): Map<string, RenderHead> {
    const rows = this.read.all(JSON.stringify(ids), fingerprint) as [string, string, string][]
    return new Map(rows.map(([id, title, sha256]) => [id, { title, sha256 }]))
  }

  /** Stores freshly rendered files; call in the transaction that read what they show. */
  put(files: ReadonlyMap<string, RenderedFile>, fingerprint: string): void {
    for (const [id, f] of files) {
      this.writeHead.run(id, fingerprint, f.title, f.sha256)
      this.writeBody.run(id, f.body)
    }
  }
}

/**
 * Reads stored bodies on any connection (the writer worker's own, read-only). Whatever the
 * fingerprint: the caller names the hash it expects, and a row that does not match is a miss.
 */
export function storedBodies(db: Database.Database): StoredBodies {
  const read = db.prepare(
    `SELECT r.article_id, r.sha256, b.body FROM export_renders r JOIN export_render_bodies b ON b.article_id = r.article_id
     WHERE r.article_id IN (SELECT value FROM json_each(?))`
  )
  read.raw(true)
  return (ids) => {
    const rows = read.all(JSON.stringify(ids)) as [string, string, Buffer][]
    return new Map(rows.map(([id, sha256, body]) => [id, { sha256, body }]))
  }
}
