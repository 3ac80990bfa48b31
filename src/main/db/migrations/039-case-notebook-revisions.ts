import type { Migration } from '../migrate'

/**
 * A case's notebook (the brief in progress) keeps History as an article's notebook does:
 * note_revisions gains case_id, and a revision belongs to exactly one of a highlight's note, an
 * article's notebook or a case's notebook. SQLite cannot change a CHECK in place, so the table is
 * rebuilt with its rows and ids (ids order the History list).
 */
export const migration039: Migration = {
  version: 39,
  name: 'case notebook revisions',
  up: `
    CREATE TABLE note_revisions_new (
      id           INTEGER PRIMARY KEY,
      highlight_id TEXT REFERENCES highlights (id) ON DELETE CASCADE,
      article_id   TEXT REFERENCES articles (id) ON DELETE CASCADE,
      case_id      TEXT REFERENCES cases (id) ON DELETE CASCADE,
      content      TEXT NOT NULL,
      plain_text   TEXT NOT NULL,
      saved_at     TEXT NOT NULL,
      CHECK ((highlight_id IS NOT NULL) + (article_id IS NOT NULL) + (case_id IS NOT NULL) = 1)
    ) STRICT;
    INSERT INTO note_revisions_new (id, highlight_id, article_id, content, plain_text, saved_at)
      SELECT id, highlight_id, article_id, content, plain_text, saved_at FROM note_revisions;
    DROP TABLE note_revisions;
    ALTER TABLE note_revisions_new RENAME TO note_revisions;
    CREATE INDEX note_revisions_highlight ON note_revisions (highlight_id, id) WHERE highlight_id IS NOT NULL;
    CREATE INDEX note_revisions_article ON note_revisions (article_id, id) WHERE article_id IS NOT NULL;
    CREATE INDEX note_revisions_case ON note_revisions (case_id, id) WHERE case_id IS NOT NULL;
  `
}
