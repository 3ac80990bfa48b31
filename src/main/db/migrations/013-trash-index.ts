import type { Migration } from '../migrate'

/**
 * The Trash lists deleted highlights across the library, newest first; this partial index holds
 * only those, so it stays tiny however many live highlights there are.
 */
export const migration013: Migration = {
  version: 13,
  name: 'trash index for highlights',
  up: `
    CREATE INDEX highlights_trashed ON highlights (deleted_at) WHERE deleted_at IS NOT NULL;
  `
}
