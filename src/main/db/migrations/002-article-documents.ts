import { paragraphsDocument } from '../../../shared/document/article-document'
import type { Migration } from '../migrate'

/**
 * Articles become structured documents (blocks, some marked removed by cleaning), with the
 * dateline and language found at import. Every change of an article's text keeps the previous
 * text as a version, and a highlight that can no longer be placed is kept as an orphan.
 */
export const migration002: Migration = {
  version: 2,
  name: 'article documents, versions and orphaned highlights',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN document TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN dateline TEXT;
      ALTER TABLE articles ADD COLUMN language TEXT;

      CREATE TABLE article_versions (
        id          INTEGER PRIMARY KEY,
        article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        text        TEXT NOT NULL,
        document    TEXT NOT NULL,
        reason      TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX article_versions_article ON article_versions (article_id, id);

      ALTER TABLE highlights ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1));
    `)
    // Articles imported before documents existed: their canonical text's blocks, as paragraphs.
    const rows = db.prepare<[], { id: string; text: string }>(`SELECT id, text FROM articles WHERE document = ''`).all()
    const update = db.prepare('UPDATE articles SET document = ? WHERE id = ?')
    for (const row of rows) update.run(JSON.stringify(paragraphsDocument(row.text)), row.id)
  }
}
