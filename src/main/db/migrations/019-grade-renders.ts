import type { Migration } from '../migrate'

/**
 * Exported files show grades (decision 0019): a change of an article's reliability override or its
 * source, or of a source's grade or name, makes the articles' stored renders stale (migration 014
 * keeps them fresh by the same kind of trigger). A highlight's credibility is a highlight column,
 * which migration 014's highlight trigger covers already.
 */
export const migration019: Migration = {
  version: 19,
  name: 'export renders follow grades',
  up: `
    CREATE TRIGGER export_renders_article_grade AFTER UPDATE OF reliability, source_id ON articles
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.id; END;
    CREATE TRIGGER export_renders_source_grade AFTER UPDATE OF reliability, name ON sources
      BEGIN DELETE FROM export_renders WHERE article_id IN (SELECT id FROM articles WHERE source_id = NEW.id); END;
  `
}
