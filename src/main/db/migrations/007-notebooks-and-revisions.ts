import type { Migration } from '../migrate'

/**
 * Each article gets one notebook, the analyst's draft beside the reader. Every save of a note or
 * notebook also lands in note_revisions, so an earlier version can always be brought back.
 */
export const migration007: Migration = {
  version: 7,
  name: 'notebooks and note revisions',
  up: `
    CREATE TABLE notebooks (
      article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      content    TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE note_revisions (
      id           INTEGER PRIMARY KEY,
      highlight_id TEXT REFERENCES highlights (id) ON DELETE CASCADE,
      article_id   TEXT REFERENCES articles (id) ON DELETE CASCADE,
      content      TEXT NOT NULL,
      plain_text   TEXT NOT NULL,
      saved_at     TEXT NOT NULL,
      CHECK ((highlight_id IS NULL) <> (article_id IS NULL))
    ) STRICT;
    CREATE INDEX note_revisions_highlight ON note_revisions (highlight_id, id) WHERE highlight_id IS NOT NULL;
    CREATE INDEX note_revisions_article ON note_revisions (article_id, id) WHERE article_id IS NOT NULL;
  `
}
