import type { Migration } from '../migrate'

/**
 * What a case's claims list reads of each article behind a piece of evidence (its source, its
 * reliability override, and that it is not in the Trash), in an index of its own. Those columns
 * were added after `original` and `text`, so reading them from the table walks each article's
 * overflow pages, the whole original: the list paid for every article's bytes (issue 17, claims
 * list benchmark). Partial, as the list reads live articles only.
 */
export const migration035: Migration = {
  version: 35,
  name: 'claims list reads articles from an index',
  up: `CREATE INDEX IF NOT EXISTS articles_live_grading ON articles (id, deleted_at, source_id, reliability, source) WHERE deleted_at IS NULL;`
}
