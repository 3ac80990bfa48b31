import type { Migration } from '../migrate'

/**
 * Articles keep the original bytes exactly as received, so cleaning can be redone later without
 * asking the analyst for the file again. `text` is the canonical text highlights point into.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE articles (
      id            TEXT PRIMARY KEY,
      title         TEXT NOT NULL,
      source        TEXT,
      url           TEXT,
      author        TEXT,
      published_at  TEXT,
      imported_at   TEXT NOT NULL,
      original_name TEXT NOT NULL,
      original_type TEXT NOT NULL CHECK (original_type IN ('text', 'markdown', 'html')),
      original      BLOB NOT NULL,
      text          TEXT NOT NULL,
      content_hash  TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX articles_imported_at ON articles (imported_at DESC);

    CREATE TABLE highlights (
      id          TEXT PRIMARY KEY,
      article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      start       INTEGER NOT NULL CHECK (start >= 0),
      end         INTEGER NOT NULL CHECK (end > start),
      exact       TEXT NOT NULL,
      prefix      TEXT NOT NULL,
      suffix      TEXT NOT NULL,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX highlights_article ON highlights (article_id, start);

    CREATE TABLE notes (
      highlight_id TEXT PRIMARY KEY REFERENCES highlights (id) ON DELETE CASCADE,
      content      TEXT NOT NULL,
      plain_text   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE tags (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE article_tags (
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      PRIMARY KEY (article_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX article_tags_tag ON article_tags (tag_id);
  `
}
