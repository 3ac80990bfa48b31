import type { Migration } from '../migrate'

/**
 * An export may include the article's text (issue 15): restoring a removed block, or importing the
 * article again, changes what such a file shows, so the article's stored renders go (migration 014
 * keeps them fresh by the same kind of trigger for everything else a file shows).
 */
export const migration034: Migration = {
  version: 34,
  name: 'export renders follow the article text',
  up: `
    CREATE TRIGGER IF NOT EXISTS export_renders_article_text AFTER UPDATE OF document ON articles
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.id; END;
  `
}
