import type { Migration } from '../migrate'

const bump = (kind: string, key: string, n: string, where = 'true') =>
  `INSERT INTO library_facets (kind, key, n) SELECT '${kind}', ${key}, ${n} WHERE ${where}
     ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;`

const live = (articleId: string) => `EXISTS (SELECT 1 FROM articles WHERE id = ${articleId} AND deleted_at IS NULL)`

/** What an article (with its tags and highlights) adds to the counts; `sign` -1 takes it away. */
function articleShare(row: 'new' | 'old', sign: 1 | -1): string {
  return `
    ${bump('articles', "''", String(sign))}
    ${bump('source', `${row}.source`, String(sign), `${row}.source IS NOT NULL`)}
    INSERT INTO library_facets (kind, key, n)
      SELECT 'tag', CAST(tag_id AS TEXT), ${sign} FROM article_tags WHERE article_id = ${row}.id
      ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO library_facets (kind, key, n)
      SELECT 'label', label_id, ${sign} * count(*) FROM highlights
      WHERE article_id = ${row}.id AND deleted_at IS NULL AND label_id IS NOT NULL GROUP BY label_id
      ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;`
}

/**
 * The library's counts and facets (articles, per source, per tag; highlights per label), kept
 * by triggers so opening a library of 100,000 articles reads a few rows instead of counting them.
 * Only live rows count: trashing an article takes it and its tags and highlights out.
 * Also one partial index per way the library sorts, over live articles only.
 */
export const migration010: Migration = {
  version: 10,
  name: 'library facets and sort indexes',
  up: `
    CREATE TABLE library_facets (
      kind TEXT NOT NULL CHECK (kind IN ('articles', 'source', 'tag', 'label')),
      key  TEXT NOT NULL,
      n    INTEGER NOT NULL,
      PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID;

    CREATE INDEX articles_live_imported ON articles (imported_at) WHERE deleted_at IS NULL;
    CREATE INDEX articles_live_published ON articles (coalesce(published_at, imported_at)) WHERE deleted_at IS NULL;
    CREATE INDEX articles_live_title ON articles (title COLLATE NOCASE) WHERE deleted_at IS NULL;
    CREATE INDEX articles_live_source ON articles (source COLLATE NOCASE, imported_at) WHERE deleted_at IS NULL;
    CREATE INDEX highlights_article_label ON highlights (article_id, label_id) WHERE deleted_at IS NULL;

    CREATE TRIGGER facets_article_insert AFTER INSERT ON articles WHEN new.deleted_at IS NULL BEGIN
      ${bump('articles', "''", '1')}
      ${bump('source', 'new.source', '1', 'new.source IS NOT NULL')}
    END;
    -- BEFORE: the cascade deletes tags and highlights after the article row is gone, when their
    -- own triggers can no longer tell that it was live.
    CREATE TRIGGER facets_article_delete BEFORE DELETE ON articles WHEN old.deleted_at IS NULL BEGIN
      ${articleShare('old', -1)}
    END;
    CREATE TRIGGER facets_article_trash AFTER UPDATE OF deleted_at ON articles
      WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
      ${articleShare('old', -1)}
    END;
    CREATE TRIGGER facets_article_restore AFTER UPDATE OF deleted_at ON articles
      WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
      ${articleShare('new', 1)}
    END;
    CREATE TRIGGER facets_article_source AFTER UPDATE OF source ON articles
      WHEN old.deleted_at IS NULL AND new.deleted_at IS NULL AND old.source IS NOT new.source BEGIN
      ${bump('source', 'old.source', '-1', 'old.source IS NOT NULL')}
      ${bump('source', 'new.source', '1', 'new.source IS NOT NULL')}
    END;

    CREATE TRIGGER facets_article_tag_insert AFTER INSERT ON article_tags WHEN ${live('new.article_id')} BEGIN
      ${bump('tag', 'CAST(new.tag_id AS TEXT)', '1')}
    END;
    CREATE TRIGGER facets_article_tag_delete AFTER DELETE ON article_tags WHEN ${live('old.article_id')} BEGIN
      ${bump('tag', 'CAST(old.tag_id AS TEXT)', '-1')}
    END;

    CREATE TRIGGER facets_highlight_insert AFTER INSERT ON highlights
      WHEN new.deleted_at IS NULL AND new.label_id IS NOT NULL AND ${live('new.article_id')} BEGIN
      ${bump('label', 'new.label_id', '1')}
    END;
    CREATE TRIGGER facets_highlight_delete AFTER DELETE ON highlights
      WHEN old.deleted_at IS NULL AND old.label_id IS NOT NULL AND ${live('old.article_id')} BEGIN
      ${bump('label', 'old.label_id', '-1')}
    END;
    CREATE TRIGGER facets_highlight_update AFTER UPDATE OF label_id, deleted_at ON highlights WHEN ${live('new.article_id')} BEGIN
      ${bump('label', 'old.label_id', '-1', 'old.deleted_at IS NULL AND old.label_id IS NOT NULL')}
      ${bump('label', 'new.label_id', '1', 'new.deleted_at IS NULL AND new.label_id IS NOT NULL')}
    END;

    INSERT INTO library_facets (kind, key, n) SELECT 'articles', '', count(*) FROM articles WHERE deleted_at IS NULL;
    INSERT INTO library_facets (kind, key, n)
      SELECT 'source', source, count(*) FROM articles WHERE deleted_at IS NULL AND source IS NOT NULL GROUP BY source
      ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO library_facets (kind, key, n)
      SELECT 'tag', CAST(x.tag_id AS TEXT), count(*) FROM article_tags x JOIN articles a ON a.id = x.article_id
      WHERE a.deleted_at IS NULL GROUP BY x.tag_id
      ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO library_facets (kind, key, n)
      SELECT 'label', h.label_id, count(*) FROM highlights h JOIN articles a ON a.id = h.article_id
      WHERE h.deleted_at IS NULL AND a.deleted_at IS NULL AND h.label_id IS NOT NULL GROUP BY h.label_id
      ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;
  `
}
