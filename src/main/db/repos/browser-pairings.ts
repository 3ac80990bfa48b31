import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the browser_pairings table: a paired browser extension, its key stored only as a hash. */
export interface BrowserPairingRow {
  id: string
  name: string
  origin: string
  key_sha256: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export function browserPairingsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    insert: (p: Pick<BrowserPairingRow, 'id' | 'name' | 'origin' | 'key_sha256' | 'created_at'>) =>
      q<[string, string, string, string, string]>('INSERT INTO browser_pairings (id, name, origin, key_sha256, created_at) VALUES (?, ?, ?, ?, ?)').run(
        p.id,
        p.name,
        p.origin,
        p.key_sha256,
        p.created_at
      ),
    /** The live (not revoked) pairing holding the key with this hash. */
    liveByKeyHash: (keySha256: string) =>
      q<[string], BrowserPairingRow>('SELECT * FROM browser_pairings WHERE key_sha256 = ? AND revoked_at IS NULL').get(keySha256),
    /** Newest first. */
    all: () => q<[], BrowserPairingRow>('SELECT * FROM browser_pairings ORDER BY created_at DESC, rowid DESC').all(),
    byId: (id: string) => q<[string], BrowserPairingRow>('SELECT * FROM browser_pairings WHERE id = ?').get(id),
    revoke: (id: string, at: string) => q<[string, string]>('UPDATE browser_pairings SET revoked_at = ? WHERE id = ?').run(at, id),
    markUsed: (id: string, at: string) => q<[string, string]>('UPDATE browser_pairings SET last_used_at = ? WHERE id = ?').run(at, id)
  }
}

/** A row of the captures table: one page a paired browser sent, and what its import did. */
export interface CaptureRow {
  id: number
  article_id: string
  pairing_id: string | null
  status: 'imported' | 'updated' | 'duplicate'
  url: string
  captured_at: string
  received_at: string
  user_agent: string
  html_sha256: string
}

export function capturesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Records a capture and marks its pairing used, in the caller's transaction. */
    insert: (c: Omit<CaptureRow, 'id'>) => {
      q<[string, string | null, string, string, string, string, string, string]>(
        `INSERT INTO captures (article_id, pairing_id, status, url, captured_at, received_at, user_agent, html_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(c.article_id, c.pairing_id, c.status, c.url, c.captured_at, c.received_at, c.user_agent, c.html_sha256)
    },
    /** The article's latest capture. */
    latestOf: (articleId: string) =>
      q<[string], Pick<CaptureRow, 'url' | 'captured_at' | 'user_agent' | 'html_sha256'>>(
        'SELECT url, captured_at, user_agent, html_sha256 FROM captures WHERE article_id = ? ORDER BY id DESC LIMIT 1'
      ).get(articleId)
  }
}
