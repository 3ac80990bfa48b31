import type Database from 'better-sqlite3'
import { BANDS } from '../../../shared/analysis/minhash'
import { statementsOf } from '../statement-cache'

/**
 * The near-copy index (migration 017, decision 0019): article_minhash holds each article's
 * MinHash signature, article_lsh one row per (band key, article) for the LSH lookup.
 */
export interface MinhashRow {
  article_rowid: number
  /** The signature's 32-bit words, as the bytes of a Uint32Array. */
  signature: Buffer
}

const BAND_KEYS = Array<string>(BANDS).fill('?').join(', ')

export function minhashRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    putSignature: (rowid: number, signature: Buffer) =>
      q<[number, Buffer]>('INSERT OR REPLACE INTO article_minhash (article_rowid, signature) VALUES (?, ?)').run(rowid, signature),
    putBandKey: (key: number, rowid: number) => q<[number, number]>('INSERT OR IGNORE INTO article_lsh (key, article_rowid) VALUES (?, ?)').run(key, rowid),
    /** Articles sharing at least one of a signature's band keys (one key per band). */
    candidates: (keys: readonly number[]) =>
      q.pluck<number[], number>(`SELECT DISTINCT article_rowid FROM article_lsh WHERE key IN (${BAND_KEYS})`).all(...keys),
    signature: (rowid: number) => q.pluck<[number], Buffer>('SELECT signature FROM article_minhash WHERE article_rowid = ?').get(rowid),
    /** An article's signature and rowid by its id. */
    ofArticle: (articleId: string) =>
      q<[string], { signature: Buffer; rowid: number }>(
        'SELECT m.signature, a.rowid FROM articles a JOIN article_minhash m ON m.article_rowid = a.rowid WHERE a.id = ?'
      ).get(articleId),
    /** Signatures of these articles (ids as a JSON array), with their ids. */
    ofArticles: (idsJson: string) =>
      q<[string], { id: string; signature: Buffer }>(
        'SELECT a.id, m.signature FROM articles a JOIN article_minhash m ON m.article_rowid = a.rowid WHERE a.id IN (SELECT value FROM json_each(?))'
      ).all(idsJson)
  }
}
