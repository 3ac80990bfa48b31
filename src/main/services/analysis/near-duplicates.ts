import type Database from 'better-sqlite3'
import { bandKeys, estimatedJaccard, minhashSignature, NEAR_COPY_THRESHOLD, SIGNATURE_SIZE } from '../../../shared/analysis/minhash'

export interface NearCopy {
  articleId: string
  title: string
  similarity: number
}

export const toSignature = (blob: Buffer): Uint32Array =>
  new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + SIGNATURE_SIZE * 4))

/**
 * Near-duplicate articles across the library: MinHash signatures with LSH band keys in SQLite
 * (migration 017, decision 0019). A lookup reads the rows of 20 band keys, then compares the
 * few candidates' full signatures: cost grows with the number of candidates, not the library.
 */
export class NearDuplicates {
  private readonly putSignature: Database.Statement
  private readonly putKey: Database.Statement
  private readonly candidates: Database.Statement<unknown[], { article_rowid: number }>
  private readonly signatureOf: Database.Statement<[number], { signature: Buffer }>
  private readonly liveArticle: Database.Statement<[number], { id: string; title: string }>

  constructor(private readonly db: Database.Database) {
    this.putSignature = db.prepare('INSERT OR REPLACE INTO article_minhash (article_rowid, signature) VALUES (?, ?)')
    this.putKey = db.prepare('INSERT OR IGNORE INTO article_lsh (key, article_rowid) VALUES (?, ?)')
    this.candidates = db.prepare(`SELECT DISTINCT article_rowid FROM article_lsh WHERE key IN (${Array(20).fill('?').join(', ')})`)
    this.signatureOf = db.prepare('SELECT signature FROM article_minhash WHERE article_rowid = ?')
    this.liveArticle = db.prepare('SELECT id, title FROM articles WHERE rowid = ? AND deleted_at IS NULL')
  }

  /**
   * Indexes an article by its text's signature (again, for a new version: keys of the old text
   * only cost a candidate check). Give the signature when it was computed off the main thread.
   */
  index(rowid: number, textOrSignature: string | Uint32Array): Uint32Array {
    const sig = typeof textOrSignature === 'string' ? minhashSignature(textOrSignature) : textOrSignature
    this.putSignature.run(rowid, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength))
    for (const key of bandKeys(sig)) this.putKey.run(key, rowid)
    return sig
  }

  /** Live articles whose text is a near-copy of this signature's, most similar first. */
  similarTo(sig: Uint32Array, excludeRowid?: number): NearCopy[] {
    const found: NearCopy[] = []
    for (const { article_rowid: rowid } of this.candidates.all(...bandKeys(sig))) {
      if (rowid === excludeRowid) continue
      const row = this.signatureOf.get(rowid)
      if (!row) continue
      const similarity = estimatedJaccard(sig, toSignature(row.signature))
      if (similarity < NEAR_COPY_THRESHOLD) continue
      const article = this.liveArticle.get(rowid)
      if (article) found.push({ articleId: article.id, title: article.title, similarity })
    }
    return found.sort((a, b) => b.similarity - a.similarity)
  }

  similarToText(text: string): NearCopy[] {
    return this.similarTo(minhashSignature(text))
  }

  /** Near-copies of an article already in the library. */
  similarToArticle(articleId: string): NearCopy[] {
    const row = this.db
      .prepare<[string], { signature: Buffer; rowid: number }>('SELECT m.signature, a.rowid FROM articles a JOIN article_minhash m ON m.article_rowid = a.rowid WHERE a.id = ?')
      .get(articleId)
    return row ? this.similarTo(toSignature(row.signature), row.rowid) : []
  }

  /** Signatures of these articles, by article id, for pairwise checks (the claim warnings). */
  signatures(articleIds: readonly string[]): Map<string, Uint32Array> {
    const map = new Map<string, Uint32Array>()
    if (articleIds.length === 0) return map
    const rows = this.db
      .prepare<[string], { id: string; signature: Buffer }>(
        `SELECT a.id, m.signature FROM articles a JOIN article_minhash m ON m.article_rowid = a.rowid WHERE a.id IN (SELECT value FROM json_each(?))`
      )
      .all(JSON.stringify([...new Set(articleIds)]))
    for (const r of rows) map.set(r.id, toSignature(r.signature))
    return map
  }
}

export function nearCopyCheck(signatures: Map<string, Uint32Array>): (a: string, b: string) => boolean {
  return (a, b) => {
    const x = signatures.get(a)
    const y = signatures.get(b)
    return Boolean(x && y && estimatedJaccard(x, y) >= NEAR_COPY_THRESHOLD)
  }
}
