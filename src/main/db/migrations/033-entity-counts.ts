import type { Migration } from '../migrate'

/**
 * The entity index counted as mentions are written (issue 19, scale): per entity and article, how
 * many mentions; per entity, its totals; per entity, the distinct words it was found as. Triggers
 * on entity_mentions keep the three tables true on every insert, delete and re-resolution, so the
 * Entities view reads a few hundred rows instead of counting millions of mentions. Articles in
 * the Trash are subtracted when the index is read (they are few). Written to run again harmlessly
 * on a library whose version was set back (IF NOT EXISTS, OR IGNORE).
 */
export const migration033: Migration = {
  version: 33,
  name: 'entity counts kept by triggers',
  up: `
    CREATE TABLE IF NOT EXISTS entity_article_counts (
      entity_id  TEXT NOT NULL,
      article_id TEXT NOT NULL,
      n          INTEGER NOT NULL,
      PRIMARY KEY (entity_id, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS entity_article_counts_article ON entity_article_counts (article_id);

    CREATE TABLE IF NOT EXISTS entity_stats (
      entity_id TEXT PRIMARY KEY,
      mentions  INTEGER NOT NULL,
      articles  INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS entity_stats_mentions ON entity_stats (mentions DESC);

    CREATE TABLE IF NOT EXISTS entity_aliases (
      entity_id TEXT NOT NULL,
      text      TEXT NOT NULL,
      n         INTEGER NOT NULL,
      PRIMARY KEY (entity_id, text)
    ) STRICT, WITHOUT ROWID;

    INSERT OR IGNORE INTO entity_article_counts (entity_id, article_id, n)
      SELECT entity_id, article_id, count(*) FROM entity_mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, article_id;
    INSERT OR IGNORE INTO entity_stats (entity_id, mentions, articles)
      SELECT entity_id, sum(n), count(*) FROM entity_article_counts GROUP BY entity_id;
    INSERT OR IGNORE INTO entity_aliases (entity_id, text, n)
      SELECT entity_id, text, count(*) FROM entity_mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, text;

    CREATE TRIGGER IF NOT EXISTS entity_mention_counted AFTER INSERT ON entity_mentions WHEN new.entity_id IS NOT NULL BEGIN
      INSERT INTO entity_stats (entity_id, mentions, articles) VALUES (new.entity_id, 1, 0)
        ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
      UPDATE entity_stats SET articles = articles + 1
        WHERE entity_id = new.entity_id AND NOT EXISTS (SELECT 1 FROM entity_article_counts WHERE entity_id = new.entity_id AND article_id = new.article_id);
      INSERT INTO entity_article_counts (entity_id, article_id, n) VALUES (new.entity_id, new.article_id, 1)
        ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
      INSERT INTO entity_aliases (entity_id, text, n) VALUES (new.entity_id, new.text, 1)
        ON CONFLICT (entity_id, text) DO UPDATE SET n = n + 1;
    END;

    CREATE TRIGGER IF NOT EXISTS entity_mention_uncounted AFTER DELETE ON entity_mentions WHEN old.entity_id IS NOT NULL BEGIN
      UPDATE entity_article_counts SET n = n - 1 WHERE entity_id = old.entity_id AND article_id = old.article_id;
      UPDATE entity_stats SET mentions = mentions - 1,
        articles = articles - coalesce((SELECT n = 0 FROM entity_article_counts WHERE entity_id = old.entity_id AND article_id = old.article_id), 0)
        WHERE entity_id = old.entity_id;
      DELETE FROM entity_article_counts WHERE entity_id = old.entity_id AND article_id = old.article_id AND n <= 0;
      UPDATE entity_aliases SET n = n - 1 WHERE entity_id = old.entity_id AND text = old.text;
      DELETE FROM entity_aliases WHERE entity_id = old.entity_id AND text = old.text AND n <= 0;
    END;

    CREATE TRIGGER IF NOT EXISTS entity_mention_recounted AFTER UPDATE OF entity_id, text, article_id ON entity_mentions
      WHEN old.entity_id IS NOT new.entity_id OR old.text IS NOT new.text OR old.article_id IS NOT new.article_id BEGIN
      -- As a delete of the old row and an insert of the new one.
      UPDATE entity_article_counts SET n = n - 1 WHERE old.entity_id IS NOT NULL AND entity_id = old.entity_id AND article_id = old.article_id;
      UPDATE entity_stats SET mentions = mentions - 1,
        articles = articles - coalesce((SELECT n = 0 FROM entity_article_counts WHERE entity_id = old.entity_id AND article_id = old.article_id), 0)
        WHERE old.entity_id IS NOT NULL AND entity_id = old.entity_id;
      DELETE FROM entity_article_counts WHERE old.entity_id IS NOT NULL AND entity_id = old.entity_id AND article_id = old.article_id AND n <= 0;
      UPDATE entity_aliases SET n = n - 1 WHERE old.entity_id IS NOT NULL AND entity_id = old.entity_id AND text = old.text;
      DELETE FROM entity_aliases WHERE old.entity_id IS NOT NULL AND entity_id = old.entity_id AND text = old.text AND n <= 0;
      INSERT INTO entity_stats (entity_id, mentions, articles) SELECT new.entity_id, 1, 0 WHERE new.entity_id IS NOT NULL
        ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
      UPDATE entity_stats SET articles = articles + 1
        WHERE new.entity_id IS NOT NULL AND entity_id = new.entity_id
          AND NOT EXISTS (SELECT 1 FROM entity_article_counts WHERE entity_id = new.entity_id AND article_id = new.article_id);
      INSERT INTO entity_article_counts (entity_id, article_id, n) SELECT new.entity_id, new.article_id, 1 WHERE new.entity_id IS NOT NULL
        ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
      INSERT INTO entity_aliases (entity_id, text, n) SELECT new.entity_id, new.text, 1 WHERE new.entity_id IS NOT NULL
        ON CONFLICT (entity_id, text) DO UPDATE SET n = n + 1;
    END;
  `
}
