import type { Migration } from '../migrate'

/**
 * Notes and notebooks keep their Markdown beside their Lexical state, written at save time, so
 * exporting 100,000 notes reads text instead of loading each one into a headless editor (about a
 * millisecond each). NULL means "not rendered yet": old rows are filled in lazily by the first
 * export that needs them. The triggers clear the cache whenever content changes without it, so
 * code that updates content alone can never leave stale Markdown behind.
 */
export const migration012: Migration = {
  version: 12,
  name: 'cached note Markdown',
  up: `
    ALTER TABLE notes ADD COLUMN markdown TEXT;
    ALTER TABLE notebooks ADD COLUMN markdown TEXT;
    CREATE TRIGGER notes_markdown_stale AFTER UPDATE OF content ON notes
      WHEN NEW.content IS NOT OLD.content AND NEW.markdown IS OLD.markdown
      BEGIN UPDATE notes SET markdown = NULL WHERE highlight_id = NEW.highlight_id; END;
    CREATE TRIGGER notebooks_markdown_stale AFTER UPDATE OF content ON notebooks
      WHEN NEW.content IS NOT OLD.content AND NEW.markdown IS OLD.markdown
      BEGIN UPDATE notebooks SET markdown = NULL WHERE article_id = NEW.article_id; END;
  `
}
