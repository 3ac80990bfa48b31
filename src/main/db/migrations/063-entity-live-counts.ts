import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'

/** The article is live (not in the Trash). Inside a cascade from a deleted article it is not found at all. */
const live = (articleId: string) => `(SELECT EXISTS (SELECT 1 FROM articles WHERE id = ${articleId} AND deleted_at IS NULL))`
/** This mention is the entity's first in the article (read before entity_article_counts counts it). */
const first = (m: 'new') => `(SELECT NOT EXISTS (SELECT 1 FROM entity_article_counts WHERE entity_id = ${m}.entity_id AND article_id = ${m}.article_id))`
/** This mention was the entity's last in the article (read after entity_article_counts was decremented). */
const last = (m: 'old') => `coalesce((SELECT n = 0 FROM entity_article_counts WHERE entity_id = ${m}.entity_id AND article_id = ${m}.article_id), 0)`

/** Adds a mention to the counts (migration 033's, and the live ones when its article is live). */
const counted = (m: 'new') => `
      INSERT INTO entity_stats (entity_id, mentions, articles, live_mentions, live_articles) SELECT ${m}.entity_id, 0, 0, 0, 0 WHERE ${m}.entity_id IS NOT NULL
        ON CONFLICT (entity_id) DO NOTHING;
      UPDATE entity_stats SET mentions = mentions + 1, articles = articles + ${first(m)},
        live_mentions = live_mentions + ${live(`${m}.article_id`)}, live_articles = live_articles + (${first(m)} AND ${live(`${m}.article_id`)})
        WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id;
      INSERT INTO entity_article_counts (entity_id, article_id, n) SELECT ${m}.entity_id, ${m}.article_id, 1 WHERE ${m}.entity_id IS NOT NULL
        ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
      INSERT INTO entity_aliases (entity_id, text, n) SELECT ${m}.entity_id, ${m}.text, 1 WHERE ${m}.entity_id IS NOT NULL
        ON CONFLICT (entity_id, text) DO UPDATE SET n = n + 1;`

/** Takes a mention out of the counts. */
const uncounted = (m: 'old') => `
      UPDATE entity_article_counts SET n = n - 1 WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id AND article_id = ${m}.article_id;
      UPDATE entity_stats SET mentions = mentions - 1, articles = articles - ${last(m)},
        live_mentions = live_mentions - ${live(`${m}.article_id`)}, live_articles = live_articles - (${last(m)} AND ${live(`${m}.article_id`)})
        WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id;
      DELETE FROM entity_article_counts WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id AND article_id = ${m}.article_id AND n <= 0;
      UPDATE entity_aliases SET n = n - 1 WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id AND text = ${m}.text;
      DELETE FROM entity_aliases WHERE ${m}.entity_id IS NOT NULL AND entity_id = ${m}.entity_id AND text = ${m}.text AND n <= 0;`

/** An article's mentions leave (sign -1) or join (+1) the live counts: it went to the Trash, was deleted, or came back. */
const articleMoves = (id: string, sign: 1 | -1) => `
      UPDATE entity_stats SET
        live_mentions = live_mentions + ${sign} * (SELECT c.n FROM entity_article_counts c WHERE c.entity_id = entity_stats.entity_id AND c.article_id = ${id}),
        live_articles = live_articles + ${sign}
        WHERE entity_id IN (SELECT entity_id FROM entity_article_counts WHERE article_id = ${id});`

/**
 * The entity index counted without the Trash, by triggers (issue 19, scale): entity_stats keeps,
 * beside migration 033's totals, the mentions and articles of live articles. Opening the index
 * subtracted the Trash at every opening instead, from the trashed articles outwards: with 1% of
 * a 100,000-article library trashed that alone read 20,000 counts and took 170 ms of CPU
 * (BENCHMARKS.md, entities). Now a mention counts as live when its article is; trashing,
 * restoring or deleting a live article moves its counts. A deleted article's mentions go by
 * cascade after the article row, so the mention triggers find no live article then and the
 * article's own BEFORE DELETE trigger takes its live counts out once. Re-runnable.
 */
export const migration063: Migration = {
  version: 63,
  name: 'entity counts without the Trash, kept by triggers',
  up: (db: Database.Database) => {
    const columns = new Set(db.prepare<[], { name: string }>('PRAGMA table_info(entity_stats)').all().map((c) => c.name))
    if (!columns.has('live_mentions')) db.exec('ALTER TABLE entity_stats ADD COLUMN live_mentions INTEGER NOT NULL DEFAULT 0')
    if (!columns.has('live_articles')) db.exec('ALTER TABLE entity_stats ADD COLUMN live_articles INTEGER NOT NULL DEFAULT 0')
    db.exec(`
      UPDATE entity_stats SET live_mentions = mentions, live_articles = articles;
      UPDATE entity_stats SET live_mentions = live_mentions - t.mentions, live_articles = live_articles - t.articles
        FROM (SELECT c.entity_id, sum(c.n) AS mentions, count(*) AS articles FROM articles a CROSS JOIN entity_article_counts c ON c.article_id = a.id
              WHERE a.deleted_at IS NOT NULL GROUP BY c.entity_id) AS t
        WHERE entity_stats.entity_id = t.entity_id;
      -- The index's order: live mentions, most first (033's order by all mentions is no longer read).
      DROP INDEX IF EXISTS entity_stats_mentions;
      CREATE INDEX IF NOT EXISTS entity_stats_live ON entity_stats (live_mentions DESC);

      DROP TRIGGER IF EXISTS entity_mention_counted;
      DROP TRIGGER IF EXISTS entity_mention_uncounted;
      DROP TRIGGER IF EXISTS entity_mention_recounted;
      CREATE TRIGGER entity_mention_counted AFTER INSERT ON entity_mentions WHEN new.entity_id IS NOT NULL BEGIN${counted('new')}
      END;
      CREATE TRIGGER entity_mention_uncounted AFTER DELETE ON entity_mentions WHEN old.entity_id IS NOT NULL BEGIN${uncounted('old')}
      END;
      CREATE TRIGGER entity_mention_recounted AFTER UPDATE OF entity_id, text, article_id ON entity_mentions
        WHEN old.entity_id IS NOT new.entity_id OR old.text IS NOT new.text OR old.article_id IS NOT new.article_id BEGIN
        -- As a delete of the old row and an insert of the new one.${uncounted('old')}${counted('new')}
      END;

      DROP TRIGGER IF EXISTS entity_counts_trashed;
      DROP TRIGGER IF EXISTS entity_counts_restored;
      DROP TRIGGER IF EXISTS entity_counts_deleted;
      CREATE TRIGGER entity_counts_trashed AFTER UPDATE OF deleted_at ON articles WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN${articleMoves('new.id', -1)}
      END;
      CREATE TRIGGER entity_counts_restored AFTER UPDATE OF deleted_at ON articles WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN${articleMoves('new.id', 1)}
      END;
      CREATE TRIGGER entity_counts_deleted BEFORE DELETE ON articles WHEN old.deleted_at IS NULL BEGIN${articleMoves('old.id', -1)}
      END;
    `)
  }
}
