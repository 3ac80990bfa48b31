import type { Migration } from '../migrate'

/**
 * An article's language, with where it came from (issue 21): `metadata` (the page's lang, og:locale,
 * the EPUB's or DOCX's dc:language), `detected` (from the text, decision 0027) or `analyst`
 * (corrected in Edit details…). Articles that already carry a language got it from metadata.
 * Those without one are detected after the library opens, in the compute worker, a batch at a
 * time (LanguageBackfill): the partial index hands each batch over without scanning the table,
 * and an article whose language cannot be told is stored as `und`, so it leaves the index.
 * Exports name the language, so changing it drops the article's stored renders.
 */
export const migration050: Migration = {
  version: 50,
  name: 'article language source',
  up: `
    ALTER TABLE articles ADD COLUMN language_source TEXT CHECK (language_source IN ('metadata', 'detected', 'analyst'));
    UPDATE articles SET language_source = 'metadata' WHERE language IS NOT NULL;
    CREATE INDEX IF NOT EXISTS articles_language_pending ON articles (id) WHERE language IS NULL;
    CREATE TRIGGER IF NOT EXISTS export_renders_article_language AFTER UPDATE OF language ON articles WHEN old.language IS NOT new.language
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.id; END;
  `
}
