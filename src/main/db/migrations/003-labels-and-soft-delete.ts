import type { Migration } from '../migrate'

/**
 * Highlights get labels the analyst names and colours, and deleting a highlight only marks it,
 * so Undo can bring it back with its note.
 */
export const migration003: Migration = {
  version: 3,
  name: 'labels and undoable highlight deletion',
  up: `
    CREATE TABLE labels (
      id        TEXT PRIMARY KEY,
      name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color     TEXT NOT NULL,
      position  INTEGER NOT NULL
    ) STRICT;

    INSERT INTO labels (id, name, color, position) VALUES
      ('00000000-0000-4000-8000-000000000001', 'Key fact', 'yellow', 1),
      ('00000000-0000-4000-8000-000000000002', 'Claim', 'blue', 2),
      ('00000000-0000-4000-8000-000000000003', 'Evidence', 'green', 3),
      ('00000000-0000-4000-8000-000000000004', 'Question', 'purple', 4),
      ('00000000-0000-4000-8000-000000000005', 'Contradiction', 'red', 5);

    ALTER TABLE highlights ADD COLUMN label_id TEXT REFERENCES labels (id) ON DELETE SET NULL;
    ALTER TABLE highlights ADD COLUMN deleted_at TEXT;
    UPDATE highlights SET label_id = '00000000-0000-4000-8000-000000000001';
    CREATE INDEX highlights_label ON highlights (label_id);
  `
}
