import type { Migration } from '../migrate'

/**
 * Undo for the analyst's entity decisions (issue 19): a rename or a type change remembers what
 * the entity was called, or was, before it, so taking the decision back restores it. Older
 * decisions have none; taking them back leaves the name as it stands.
 */
export const migration023: Migration = {
  version: 23,
  name: 'entity decisions remember what they replaced',
  up: `ALTER TABLE entity_decisions ADD COLUMN previous TEXT;`
}
