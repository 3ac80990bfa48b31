import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/**
 * What export keeps between runs (migrations 014 and 016): the folders exported to and each
 * article's file in each (export_folders, export_records), each article's last rendered file
 * (export_renders, its bytes in export_render_bodies), and single-file exports (export_single_files).
 */
export function exportsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The folder's records as [article id, file name, sha256]. */
    recordsInFolder: (folderPath: string) =>
      q
        .raw<[string], [string, string, string]>(
          `SELECT r.article_id, r.file_name, r.sha256 FROM export_records r
           JOIN export_folders f ON f.id = r.folder_id WHERE f.path = ?`
        )
        .all(folderPath),
    upsertRecord: (folderId: number, articleId: string, fileName: string, sha256: string, at: string) =>
      q<[number, string, string, string, string]>(
        `INSERT INTO export_records (folder_id, article_id, file_name, sha256, exported_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (folder_id, article_id) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
           exported_at = excluded.exported_at`
      ).run(folderId, articleId, fileName, sha256, at),
    /** Export records name no foreign key (migration 016): one scan here instead of an index on every record. */
    deleteRecordsOfMissingArticles: () => q<[]>('DELETE FROM export_records WHERE article_id NOT IN (SELECT id FROM articles)').run(),
    /** The folder's id, added when it is new. */
    folderId: (folderPath: string): number => {
      q<[string]>('INSERT INTO export_folders (path) VALUES (?) ON CONFLICT (path) DO NOTHING').run(folderPath)
      const id = q.pluck<[string], number>('SELECT id FROM export_folders WHERE path = ?').get(folderPath)
      if (id === undefined) throw new Error(`export folder ${folderPath} was not stored`)
      return id
    },

    /**
     * Stored renders among these articles (ids as a JSON array) made with this fingerprint, as
     * [article id, title, sha256]. No join to articles to skip trashed ones: moving an article to
     * the Trash deletes its row (migration 014), and reading deleted_at, stored after the
     * article's text, would cost more than the whole read.
     */
    renderHeads: (idsJson: string, fingerprint: string) =>
      q
        .raw<[string, string], [string, string, string]>(
          `SELECT article_id, title, sha256 FROM export_renders
           WHERE article_id IN (SELECT value FROM json_each(?)) AND fingerprint = ?`
        )
        .all(idsJson, fingerprint),
    putRenderHead: (articleId: string, fingerprint: string, title: string, sha256: string) =>
      q<[string, string, string, string]>(
        `INSERT INTO export_renders (article_id, fingerprint, title, sha256) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET fingerprint = excluded.fingerprint, title = excluded.title, sha256 = excluded.sha256`
      ).run(articleId, fingerprint, title, sha256),
    putRenderBody: (articleId: string, body: Buffer) =>
      q<[string, Buffer]>(
        'INSERT INTO export_render_bodies (article_id, body) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body'
      ).run(articleId, body),
    /** Stored bodies of these articles (ids as a JSON array), whatever their fingerprint, as [article id, sha256, body]. */
    renderBodies: (idsJson: string) =>
      q
        .raw<[string], [string, string, Buffer]>(
          `SELECT r.article_id, r.sha256, b.body FROM export_renders r JOIN export_render_bodies b ON b.article_id = r.article_id
           WHERE r.article_id IN (SELECT value FROM json_each(?))`
        )
        .all(idsJson),

    /** The hash of what Dossier last wrote at this path in a single-file export. */
    singleFileSha256: (path: string) => q.pluck<[string], string>('SELECT sha256 FROM export_single_files WHERE path = ?').get(path),
    recordSingleFile: (path: string, sha256: string, at: string) =>
      q<[string, string, string]>(
        `INSERT INTO export_single_files (path, sha256, exported_at) VALUES (?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, exported_at = excluded.exported_at`
      ).run(path, sha256, at)
  }
}
