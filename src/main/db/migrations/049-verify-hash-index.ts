import type { Migration } from '../migrate'

/**
 * Verify reads each original and the SHA-256 recorded at import. That hash was added last to the
 * articles row (migration 017), after the text: reading it walks the overflow pages of the
 * original and the text alike, twice the bytes the check needs. This index hands verify the
 * recorded hashes by rowid without touching the rows.
 */
export const migration049: Migration = {
  version: 49,
  name: 'verify hash index',
  up: `CREATE INDEX IF NOT EXISTS articles_original_sha256 ON articles (original_sha256);`
}
