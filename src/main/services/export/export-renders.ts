import type Database from 'better-sqlite3'
import { exportsRepo } from '../../db/repos/exports'

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
  private readonly exports: ReturnType<typeof exportsRepo>

  constructor(db: Database.Database) {
    this.exports = exportsRepo(db)
  }

  /** The stored renders among these articles, by article id. */
  heads(ids: readonly string[], fingerprint: string): Map<string, RenderHead> {
    const rows = this.exports.renderHeads(JSON.stringify(ids), fingerprint)
    return new Map(rows.map(([id, title, sha256]) => [id, { title, sha256 }]))
  }

  /** Stores freshly rendered files; call in the transaction that read what they show. */
  put(files: ReadonlyMap<string, RenderedFile>, fingerprint: string): void {
    for (const [id, f] of files) {
      this.exports.putRenderHead(id, fingerprint, f.title, f.sha256)
      this.exports.putRenderBody(id, f.body)
    }
  }
}

/**
 * Reads stored bodies on any connection (the writer worker's own, read-only). Whatever the
 * fingerprint: the caller names the hash it expects, and a row that does not match is a miss.
 */
export function storedBodies(db: Database.Database): StoredBodies {
  const exports = exportsRepo(db)
  return (ids) => {
    const rows = exports.renderBodies(JSON.stringify(ids))
    return new Map(rows.map(([id, sha256, body]) => [id, { sha256, body }]))
  }
}
