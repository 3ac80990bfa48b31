import type { Migration } from '../migrate'

/**
 * The entity index and the timeline (decision 0017). Extracted rows (mentions, events) are replaced
 * whenever an article is extracted again; the analyst's decisions live in their own tables,
 * keyed by names and passages rather than row ids, so they apply again to whatever the next
 * extraction finds.
 */
export const migration020: Migration = {
  version: 20,
  name: 'entities and timeline',
  up: `
    CREATE TABLE entity_extractions (
      article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      text_sha256  TEXT NOT NULL,
      language     TEXT NOT NULL,
      extracted_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE entities (
      id      TEXT PRIMARY KEY,
      key     TEXT NOT NULL UNIQUE,
      name    TEXT NOT NULL,
      type    TEXT NOT NULL CHECK (type IN ('person', 'org', 'place', 'selector')),
      analyst INTEGER NOT NULL DEFAULT 0 CHECK (analyst IN (0, 1))
    ) STRICT;

    CREATE TABLE entity_mentions (
      id         INTEGER PRIMARY KEY,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      start      INTEGER NOT NULL CHECK (start >= 0),
      end        INTEGER NOT NULL CHECK (end > start),
      text       TEXT NOT NULL,
      type       TEXT NOT NULL CHECK (type IN ('person', 'org', 'place', 'selector')),
      origin     TEXT NOT NULL CHECK (origin IN ('library', 'gazetteer', 'rule', 'model', 'analyst')),
      base_key   TEXT NOT NULL,
      role       TEXT,
      kind       TEXT,
      entity_id  TEXT REFERENCES entities (id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX entity_mentions_article ON entity_mentions (article_id, start);
    CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id, article_id);
    CREATE INDEX entity_mentions_key ON entity_mentions (base_key);

    CREATE TABLE entity_decisions (
      id         INTEGER PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'retype', 'stop')),
      subject    TEXT NOT NULL,
      object     TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE watch_list (
      id         INTEGER PRIMARY KEY,
      pattern    TEXT NOT NULL,
      is_regex   INTEGER NOT NULL DEFAULT 0 CHECK (is_regex IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (pattern, is_regex)
    ) STRICT;

    CREATE TABLE watch_matches (
      watch_id   INTEGER NOT NULL REFERENCES watch_list (id) ON DELETE CASCADE,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      count      INTEGER NOT NULL CHECK (count > 0),
      PRIMARY KEY (watch_id, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX watch_matches_article ON watch_matches (article_id);

    CREATE TABLE timeline_events (
      id           TEXT PRIMARY KEY,
      article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      key          TEXT NOT NULL,
      date         TEXT NOT NULL,
      date_end     TEXT,
      precision    TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
      sentence     TEXT NOT NULL,
      start        INTEGER NOT NULL CHECK (start >= 0),
      end          INTEGER NOT NULL CHECK (end >= start),
      origin       TEXT NOT NULL CHECK (origin IN ('extracted', 'analyst')),
      label        TEXT,
      highlight_id TEXT REFERENCES highlights (id) ON DELETE SET NULL,
      UNIQUE (article_id, key)
    ) STRICT;
    CREATE INDEX timeline_events_date ON timeline_events (date);

    CREATE TABLE timeline_decisions (
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      key        TEXT NOT NULL,
      confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
      deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      date       TEXT,
      date_end   TEXT,
      precision  TEXT CHECK (precision IN ('day', 'month', 'year')),
      label      TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (article_id, key)
    ) STRICT, WITHOUT ROWID;
  `
}
