import type { Migration } from '../migrate'

/** How sure re-anchoring was: a highlight placed with doubt is flagged for the analyst to review. */
export const migration005: Migration = {
  version: 5,
  name: 'anchor confidence and review flag',
  up: `
    ALTER TABLE highlights ADD COLUMN confidence REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1);
    ALTER TABLE highlights ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1));
  `
}
