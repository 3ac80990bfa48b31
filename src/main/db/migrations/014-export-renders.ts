import type { Migration } from '../migrate'

/**
 * Each article's last rendered export file (body, its sha256, the title it was named after), so a
 * later export of an unchanged article writes stored bytes instead of reading ten or a hundred
 * highlight and note rows and rendering them again. `fingerprint` names the template and renderer
 * version it was made with; any other fingerprint is a miss.
 *
 * The triggers delete an article's row whenever anything its file shows changes: the article's
 * metadata or trash state, its tags, its highlights, their notes, tags and labels, its notebook,
 * and the names of tags and labels. They fire for every writer (services, imports, restores,
 * cascades), so no code path can leave a stale file behind.
 */
export const migration014: Migration = {
  version: 14,
  name: 'cached export renders',
  up: `
    CREATE TABLE export_renders (
      article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      fingerprint TEXT NOT NULL,
      title       TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      body        BLOB NOT NULL
    ) STRICT;

    CREATE TRIGGER export_renders_article AFTER UPDATE OF title, author, source, url, published_at, imported_at, deleted_at ON articles
      BEGIN DELETE FROM export_renders WHERE article_id IN (OLD.id, NEW.id); END;

    CREATE TRIGGER export_renders_article_tag_in AFTER INSERT ON article_tags
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.article_id; END;
    CREATE TRIGGER export_renders_article_tag_out AFTER DELETE ON article_tags
      BEGIN DELETE FROM export_renders WHERE article_id = OLD.article_id; END;
    CREATE TRIGGER export_renders_article_tag_change AFTER UPDATE ON article_tags
      BEGIN DELETE FROM export_renders WHERE article_id IN (OLD.article_id, NEW.article_id); END;

    CREATE TRIGGER export_renders_highlight_in AFTER INSERT ON highlights
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.article_id; END;
    CREATE TRIGGER export_renders_highlight_out AFTER DELETE ON highlights
      BEGIN DELETE FROM export_renders WHERE article_id = OLD.article_id; END;
    CREATE TRIGGER export_renders_highlight_change AFTER UPDATE ON highlights
      BEGIN DELETE FROM export_renders WHERE article_id IN (OLD.article_id, NEW.article_id); END;

    CREATE TRIGGER export_renders_note_in AFTER INSERT ON notes
      BEGIN DELETE FROM export_renders WHERE article_id = (SELECT article_id FROM highlights WHERE id = NEW.highlight_id); END;
    CREATE TRIGGER export_renders_note_out AFTER DELETE ON notes
      BEGIN DELETE FROM export_renders WHERE article_id = (SELECT article_id FROM highlights WHERE id = OLD.highlight_id); END;
    CREATE TRIGGER export_renders_note_change AFTER UPDATE ON notes
      BEGIN DELETE FROM export_renders WHERE article_id IN (SELECT article_id FROM highlights WHERE id IN (OLD.highlight_id, NEW.highlight_id)); END;

    CREATE TRIGGER export_renders_highlight_tag_in AFTER INSERT ON highlight_tags
      BEGIN DELETE FROM export_renders WHERE article_id = (SELECT article_id FROM highlights WHERE id = NEW.highlight_id); END;
    CREATE TRIGGER export_renders_highlight_tag_out AFTER DELETE ON highlight_tags
      BEGIN DELETE FROM export_renders WHERE article_id = (SELECT article_id FROM highlights WHERE id = OLD.highlight_id); END;
    CREATE TRIGGER export_renders_highlight_tag_change AFTER UPDATE ON highlight_tags
      BEGIN DELETE FROM export_renders WHERE article_id IN (SELECT article_id FROM highlights WHERE id IN (OLD.highlight_id, NEW.highlight_id)); END;

    CREATE TRIGGER export_renders_notebook_in AFTER INSERT ON notebooks
      BEGIN DELETE FROM export_renders WHERE article_id = NEW.article_id; END;
    CREATE TRIGGER export_renders_notebook_out AFTER DELETE ON notebooks
      BEGIN DELETE FROM export_renders WHERE article_id = OLD.article_id; END;
    CREATE TRIGGER export_renders_notebook_change AFTER UPDATE ON notebooks
      BEGIN DELETE FROM export_renders WHERE article_id IN (OLD.article_id, NEW.article_id); END;

    -- Renaming a tag or a label (rare) touches every article showing it, through articles or highlights.
    CREATE TRIGGER export_renders_tag_change AFTER UPDATE ON tags
      BEGIN
        DELETE FROM export_renders WHERE article_id IN (
          SELECT article_id FROM article_tags WHERE tag_id = OLD.id
          UNION SELECT h.article_id FROM highlight_tags y JOIN highlights h ON h.id = y.highlight_id WHERE y.tag_id = OLD.id);
      END;
    CREATE TRIGGER export_renders_label_change AFTER UPDATE ON labels
      BEGIN DELETE FROM export_renders WHERE article_id IN (SELECT article_id FROM highlights WHERE label_id = OLD.id); END;
    CREATE TRIGGER export_renders_label_out AFTER DELETE ON labels
      BEGIN DELETE FROM export_renders WHERE article_id IN (SELECT article_id FROM highlights WHERE label_id = OLD.id); END;
  `
}
