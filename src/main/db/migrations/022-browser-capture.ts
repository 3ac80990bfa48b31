import type { Migration } from '../migrate'
import { logInsertSql } from '../../provenance/log-sql'

/**
 * Browser capture (issue 22).
 * - browser_pairings: one row per paired extension. Only the SHA-256 of its key is kept, so a
 *   copy of the library does not carry working keys; a revoked pairing stays listed with its date.
 * - captures: one row per page the extension delivered (new article, new version, or already in
 *   the library), with what the browser said: the address, the capture time, the user agent and
 *   the SHA-256 of the captured HTML (the article's original bytes when it was stored).
 * Both are logged by triggers, like every other change in the activity log (decision 0019).
 */
export const migration022: Migration = {
  version: 22,
  name: 'browser capture',
  up: `
    CREATE TABLE browser_pairings (
      id           TEXT PRIMARY KEY,
      name         TEXT NOT NULL,
      -- The extension's origin at pairing (chrome-extension://<id>, moz-extension://<uuid>): its
      -- key is accepted from that origin only.
      origin       TEXT NOT NULL,
      key_sha256   TEXT NOT NULL UNIQUE,
      created_at   TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at   TEXT
    ) STRICT;

    CREATE TABLE captures (
      id          INTEGER PRIMARY KEY,
      article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      pairing_id  TEXT REFERENCES browser_pairings (id) ON DELETE SET NULL,
      status      TEXT NOT NULL CHECK (status IN ('imported', 'updated', 'duplicate')),
      url         TEXT NOT NULL,
      captured_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      user_agent  TEXT NOT NULL,
      html_sha256 TEXT NOT NULL
    ) STRICT;
    CREATE INDEX captures_article ON captures (article_id, id);

    CREATE TRIGGER log_capture AFTER INSERT ON captures BEGIN
      ${logInsertSql({
        action: "'capture'",
        kind: "'article'",
        id: 'new.article_id',
        at: 'new.received_at',
        details: `json_object('method', 'captured from the browser', 'status', new.status, 'url', new.url,
          'capturedAt', new.captured_at, 'userAgent', new.user_agent, 'htmlSha256', new.html_sha256,
          'browser', (SELECT name FROM browser_pairings WHERE id = new.pairing_id))`
      })}
    END;
    CREATE TRIGGER log_pairing AFTER INSERT ON browser_pairings BEGIN
      ${logInsertSql({ action: "'browser-pair'", kind: "'pairing'", id: 'new.id', at: 'new.created_at', details: `json_object('browser', new.name)` })}
    END;
    CREATE TRIGGER log_pairing_revoke AFTER UPDATE OF revoked_at ON browser_pairings WHEN old.revoked_at IS NULL AND new.revoked_at IS NOT NULL BEGIN
      ${logInsertSql({ action: "'browser-revoke'", kind: "'pairing'", id: 'new.id', at: 'new.revoked_at', details: `json_object('browser', new.name)` })}
    END;
  `
}
