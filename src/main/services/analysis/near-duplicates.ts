import type Database from 'better-sqlite3'
import { bandKeys, estimatedJaccard, minhashSignature, NEAR_COPY_THRESHOLD, SIGNATURE_SIZE } from '../../../shared/analysis/minhash'
import { articlesRepo } from '../../db/repos/articles'
import { minhashRepo } from '../../db/repos/minhash'

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
  private readonly minhash: ReturnType<typeof minhashRepo>
  private readonly articles: ReturnType<typeof articlesRepo>

  constructor(db: Database.Database) {
    this.minhash = minhashRepo(db)
    this.articles = articlesRepo(db)
  }

  /**
   * Indexes an article by its text's signature (again, for a new version: keys of the old text
   * only cost a candidate check). Give the signature when it was computed off the main thread.
   */
  index(rowid: number, textOrSignature: string | Uint32Array): Uint32Array {
    const sig = typeof textOrSignature === 'string' ? minhashSignature(textOrSignature) : textOrSignature
    this.minhash.putSignature(rowid, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength))
    for (const key of bandKeys(sig)) this.minhash.putBandKey(key, rowid)
    return sig
  }

  /** Live articles whose text is a near-copy of this signature's, most similar first. */
  similarTo(sig: Uint32Array, excludeRowid?: number): NearCopy[] {
    const found: NearCopy[] = []
    for (const rowid of this.minhash.candidates(bandKeys(sig))) {
      if (rowid === excludeRowid) continue
      const signature = this.minhash.signature(rowid)
      if (!signature) continue
      const similarity = estimatedJaccard(sig, toSignature(signature))
      if (similarity < NEAR_COPY_THRESHOLD) continue
      const article = this.articles.liveByRowid(rowid)
      if (article) found.push({ articleId: article.id, title: article.title, similarity })
    }
    return found.sort((a, b) => b.similarity - a.similarity)
  }

  similarToText(text: string): NearCopy[] {
    return this.similarTo(minhashSignature(text))
  }

  /** Near-copies of an article already in the library. */
  similarToArticle(articleId: string): NearCopy[] {
    const row = this.minhash.ofArticle(articleId)
    return row ? this.similarTo(toSignature(row.signature), row.rowid) : []
  }

  /** Signatures of these articles, by article id, for pairwise checks (the claim warnings). */
  signatures(articleIds: readonly string[]): Map<string, Uint32Array> {
    const map = new Map<string, Uint32Array>()
    if (articleIds.length === 0) return map
    for (const r of this.minhash.ofArticles(JSON.stringify([...new Set(articleIds)]))) map.set(r.id, toSignature(r.signature))
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
