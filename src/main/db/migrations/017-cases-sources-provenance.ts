import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { bandKeys, minhashSignature } from '../../../shared/analysis/minhash'
import { registerProvenanceFunctions } from '../../provenance/log-hash'
import { appendLog, logInsertSql } from '../../provenance/log-sql'
import type { Migration } from '../migrate'
import { domainOf } from '../../../shared/analysis/source-names'

const GRADE_A_F = `IN ('A', 'B', 'C', 'D', 'E', 'F')`

const articleDetails = (row: 'new' | 'old') =>
  `json_object('title', ${row}.title, 'file', ${row}.original_name, 'method', ${row}.import_method, 'origin', ${row}.import_origin,
     'originalSha256', ${row}.original_sha256, 'textSha256', ${row}.text_sha256, 'appVersion', ${row}.app_version)`

/** Every logged change is a trigger, so no code path (the app, the CLI, a restore) can skip the log. */
const LOG_TRIGGERS = `
  CREATE TRIGGER log_article_import AFTER INSERT ON articles BEGIN
    ${logInsertSql({ action: "'import'", kind: "'article'", id: 'new.id', at: 'new.imported_at', details: articleDetails('new') })}
  END;
  CREATE TRIGGER log_article_text AFTER UPDATE OF text ON articles WHEN old.text IS NOT new.text BEGIN
    ${logInsertSql({
      action: "'text-change'",
      kind: "'article'",
      id: 'new.id',
      details: `json_object('reason', (SELECT reason FROM article_versions WHERE article_id = new.id ORDER BY id DESC LIMIT 1),
        'fromTextSha256', dossier_sha256(old.text), 'toTextSha256', dossier_sha256(new.text),
        'originalSha256', new.original_sha256, 'file', new.original_name)`
    })}
  END;
  CREATE TRIGGER log_article_trash AFTER UPDATE OF deleted_at ON articles WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
    ${logInsertSql({ action: "'delete'", kind: "'article'", id: 'new.id', at: 'new.deleted_at', details: `json_object('title', new.title)` })}
  END;
  CREATE TRIGGER log_article_restore AFTER UPDATE OF deleted_at ON articles WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
    ${logInsertSql({ action: "'restore'", kind: "'article'", id: 'new.id', details: `json_object('title', new.title)` })}
  END;
  CREATE TRIGGER log_article_purge BEFORE DELETE ON articles BEGIN
    ${logInsertSql({
      action: "'purge'",
      kind: "'article'",
      id: 'old.id',
      details: `json_object('title', old.title, 'originalSha256', old.original_sha256, 'trashedAt', old.deleted_at)`
    })}
  END;
  CREATE TRIGGER log_highlight_trash AFTER UPDATE OF deleted_at ON highlights WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
    ${logInsertSql({ action: "'delete'", kind: "'highlight'", id: 'new.id', at: 'new.deleted_at', details: `json_object('articleId', new.article_id, 'exact', substr(new.exact, 1, 200))` })}
  END;
  CREATE TRIGGER log_highlight_restore AFTER UPDATE OF deleted_at ON highlights WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
    ${logInsertSql({ action: "'restore'", kind: "'highlight'", id: 'new.id', details: `json_object('articleId', new.article_id, 'exact', substr(new.exact, 1, 200))` })}
  END;
  CREATE TRIGGER log_highlight_purge BEFORE DELETE ON highlights WHEN old.deleted_at IS NOT NULL BEGIN
    ${logInsertSql({ action: "'purge'", kind: "'highlight'", id: 'old.id', details: `json_object('articleId', old.article_id, 'exact', substr(old.exact, 1, 200))` })}
  END;
  CREATE TRIGGER log_grade AFTER INSERT ON grade_history BEGIN
    ${logInsertSql({
      action: "'grade'",
      kind: 'new.subject_kind',
      id: 'new.subject_id',
      at: 'new.at',
      actor: 'new.actor',
      details: `json_object('scale', new.scale, 'from', new.from_grade, 'to', new.to_grade, 'reason', new.reason)`
    })}
  END;
  CREATE TRIGGER log_claim_create AFTER INSERT ON claims BEGIN
    ${logInsertSql({ action: "'claim-create'", kind: "'claim'", id: 'new.id', at: 'new.created_at', details: `json_object('caseId', new.case_id, 'text', new.text)` })}
  END;
  CREATE TRIGGER log_claim_change AFTER UPDATE OF text, status ON claims WHEN old.text IS NOT new.text OR old.status IS NOT new.status BEGIN
    ${logInsertSql({ action: "'claim-change'", kind: "'claim'", id: 'new.id', details: `json_object('text', new.text, 'fromStatus', old.status, 'status', new.status)` })}
  END;
  CREATE TRIGGER log_claim_delete BEFORE DELETE ON claims BEGIN
    ${logInsertSql({ action: "'claim-delete'", kind: "'claim'", id: 'old.id', details: `json_object('caseId', old.case_id, 'text', old.text)` })}
  END;
  CREATE TRIGGER log_claim_link AFTER INSERT ON claim_evidence BEGIN
    ${logInsertSql({ action: "'claim-link'", kind: "'claim'", id: 'new.claim_id', at: 'new.added_at', details: `json_object('highlightId', new.highlight_id, 'relation', new.relation)` })}
  END;
  CREATE TRIGGER log_claim_relink AFTER UPDATE OF relation ON claim_evidence WHEN old.relation IS NOT new.relation BEGIN
    ${logInsertSql({ action: "'claim-link'", kind: "'claim'", id: 'new.claim_id', details: `json_object('highlightId', new.highlight_id, 'relation', new.relation, 'fromRelation', old.relation)` })}
  END;
  CREATE TRIGGER log_claim_unlink AFTER DELETE ON claim_evidence BEGIN
    ${logInsertSql({ action: "'claim-unlink'", kind: "'claim'", id: 'old.claim_id', details: `json_object('highlightId', old.highlight_id, 'relation', old.relation)` })}
  END;
`

/**
 * Cases, sources with Admiralty grades, claims with their evidence, and provenance (decision 0019).
 * - Sources: articles.source stays the source's name (search, facets and exports read it);
 *   articles.source_id points to the source row that carries the grade.
 * - Provenance: SHA-256 of the original bytes and the canonical text, how the article came in and
 *   the app version. Existing articles are hashed as they are now; their log entries carry their
 *   stored import time.
 * - activity_log: append-only (triggers refuse UPDATE and DELETE) and hash-chained; activity_head
 *   holds the last entry so a cut-off tail is found too (decision 0019).
 * - MinHash signatures and LSH band keys for near-duplicate detection, keyed by article rowid to
 *   keep 20 keys per article small. Stale keys (an article purged) are harmless: candidates are
 *   confirmed against the signature, which goes with its article.
 */
export const migration017: Migration = {
  version: 17,
  name: 'cases, sources, grades, claims, provenance',
  up(db: Database.Database) {
    registerProvenanceFunctions(db)
    db.exec(`
      CREATE TABLE sources (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        domain      TEXT UNIQUE COLLATE NOCASE,
        reliability TEXT CHECK (reliability ${GRADE_A_F}),
        created_at  TEXT NOT NULL,
        -- A merged source stays, pointing to the one it became: its grade history stays readable
        -- and an import naming it finds the merged source.
        merged_into TEXT REFERENCES sources (id)
      ) STRICT;

      ALTER TABLE articles ADD COLUMN source_id TEXT REFERENCES sources (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN reliability TEXT CHECK (reliability ${GRADE_A_F});
      ALTER TABLE articles ADD COLUMN original_sha256 TEXT;
      ALTER TABLE articles ADD COLUMN text_sha256 TEXT;
      ALTER TABLE articles ADD COLUMN import_method TEXT;
      ALTER TABLE articles ADD COLUMN import_origin TEXT;
      ALTER TABLE articles ADD COLUMN app_version TEXT;
      CREATE INDEX articles_source_id ON articles (source_id);

      ALTER TABLE highlights ADD COLUMN credibility INTEGER CHECK (credibility BETWEEN 1 AND 6);

      CREATE TABLE grade_history (
        id           INTEGER PRIMARY KEY,
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('source', 'article', 'highlight')),
        subject_id   TEXT NOT NULL,
        scale        TEXT NOT NULL CHECK (scale IN ('reliability', 'credibility')),
        from_grade   TEXT,
        to_grade     TEXT,
        reason       TEXT,
        actor        TEXT NOT NULL,
        at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX grade_history_subject ON grade_history (subject_kind, subject_id, id);

      CREATE TABLE cases (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;

      CREATE TABLE case_articles (
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        added_at   TEXT NOT NULL,
        PRIMARY KEY (case_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_articles_article ON case_articles (article_id);

      CREATE TABLE case_notebooks (
        case_id    TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        content    TEXT NOT NULL,
        plain_text TEXT NOT NULL,
        markdown   TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE claims (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        text       TEXT NOT NULL,
        status     TEXT NOT NULL DEFAULT 'unassessed' CHECK (status IN ('unassessed', 'corroborated', 'contested', 'refuted')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claims_case ON claims (case_id, created_at);

      CREATE TABLE claim_evidence (
        claim_id     TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        highlight_id TEXT NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
        relation     TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'context')),
        added_at     TEXT NOT NULL,
        PRIMARY KEY (claim_id, highlight_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claim_evidence_highlight ON claim_evidence (highlight_id);

      CREATE TABLE article_minhash (
        article_rowid INTEGER PRIMARY KEY,
        signature     BLOB NOT NULL
      ) STRICT;
      CREATE TABLE article_lsh (
        key           INTEGER NOT NULL,
        article_rowid INTEGER NOT NULL,
        PRIMARY KEY (key, article_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER article_minhash_purge AFTER DELETE ON articles BEGIN
        DELETE FROM article_minhash WHERE article_rowid = old.rowid;
      END;

      CREATE TABLE activity_log (
        seq          INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id   TEXT,
        details      TEXT NOT NULL,
        prev_hash    TEXT NOT NULL,
        hash         TEXT NOT NULL
      ) STRICT;
      CREATE TABLE activity_head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log BEGIN
        SELECT RAISE(ABORT, 'The activity log is append-only: entries are never changed.');
      END;
      CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log BEGIN
        SELECT RAISE(ABORT, 'The activity log is append-only: entries are never deleted.');
      END;
      CREATE TRIGGER activity_head_follow AFTER INSERT ON activity_log BEGIN
        INSERT INTO activity_head (id, seq, hash) VALUES (1, new.seq, new.hash)
          ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
      END;

      UPDATE articles SET original_sha256 = dossier_sha256(original), text_sha256 = dossier_sha256(text),
        import_method = 'before-provenance', import_origin = original_name;
    `)
    backfill(db)
    db.exec(LOG_TRIGGERS)
  }
}

/** An article as this migration found it. */
interface BacklogRow {
  rowid: number
  id: string
  title: string
  source: string | null
  url: string | null
  imported_at: string
  original_name: string
  original_sha256: string
  text_sha256: string
  text: string
  deleted_at: string | null
}

/** Sources from the names and addresses already stored, the log's first entries, and signatures. */
function backfill(db: Database.Database): void {
  const rows = db
    .prepare<[], BacklogRow>('SELECT rowid, id, title, source, url, imported_at, original_name, original_sha256, text_sha256, text, deleted_at FROM articles ORDER BY imported_at, rowid')
    .all()
  const byName = new Map<string, string>()
  const byDomain = new Map<string, string>()
  const insertSource = db.prepare('INSERT INTO sources (id, name, domain, created_at) VALUES (?, ?, ?, ?)')
  const setSource = db.prepare('UPDATE articles SET source_id = ? WHERE id = ?')
  const insertSig = db.prepare('INSERT INTO article_minhash (article_rowid, signature) VALUES (?, ?)')
  const insertKey = db.prepare('INSERT OR IGNORE INTO article_lsh (key, article_rowid) VALUES (?, ?)')
  for (const a of rows) {
    const domain = domainOf(a.url)
    const name = a.source?.trim() || domain
    if (name) {
      let id = byName.get(name.toLowerCase()) ?? (domain ? byDomain.get(domain) : undefined)
      if (!id) {
        id = randomUUID()
        insertSource.run(id, name, domain && !byDomain.has(domain) ? domain : null, a.imported_at)
        byName.set(name.toLowerCase(), id)
        if (domain) byDomain.set(domain, id)
      }
      setSource.run(id, a.id)
    }
    appendLog(db, {
      action: 'import',
      kind: 'article',
      id: a.id,
      at: a.imported_at,
      details: { title: a.title, file: a.original_name, method: 'before-provenance', origin: a.original_name, originalSha256: a.original_sha256, textSha256: a.text_sha256, appVersion: null }
    })
    if (a.deleted_at) appendLog(db, { action: 'delete', kind: 'article', id: a.id, at: a.deleted_at, details: { title: a.title } })
    const sig = minhashSignature(a.text)
    insertSig.run(a.rowid, Buffer.from(sig.buffer))
    for (const key of bandKeys(sig)) insertKey.run(key, a.rowid)
  }
}
