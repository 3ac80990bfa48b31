import type { Migration } from '../migrate'

/** Tags on highlights, sharing the tag names of articles. */
export const migration004: Migration = {
  version: 4,
  name: 'highlight tags',
  up: `
    CREATE TABLE highlight_tags (
      highlight_id TEXT NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
      tag_id       INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      PRIMARY KEY (highlight_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX highlight_tags_tag ON highlight_tags (tag_id);
  `
}
