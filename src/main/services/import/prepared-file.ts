import { createHash } from 'node:crypto'
import { minhashSignature } from '../../../shared/analysis/minhash'
import type { DocumentFormat, ParsedDocument } from '../../../shared/import/parsed-document'
import { parseFile, type ParseOptions, type ParsedFile } from './parse-document'

/**
 * A parsed file as the article store takes it: everything that costs time in proportion to the
 * text is done where the parse ran (a parse worker in the app), so main only writes rows. For a
 * 500-page report the MinHash signature (≈ 0.5 s) and the document's JSON (≈ 0.4 s) used to
 * stall main's event loop (BENCHMARKS.md, documents). The document travels as its JSON string,
 * which crosses the thread boundary as one copy instead of a graph of thousands of objects.
 */
export interface PreparedFile {
  format: DocumentFormat
  article: Omit<ParsedDocument, 'document'>
  /** JSON.stringify(document): the articles.document column as stored. */
  documentJson: string
  /** Blocks cleaning set aside, by reason, for the import report. */
  removed: { reason: string; count: number }[]
  /** SHA-256 of the canonical text (the duplicate check) and of the original bytes. */
  contentHash: string
  originalSha256: string
  /** The near-duplicate index's MinHash signature of the text (decision 0019). */
  signature: Uint32Array
}

export function prepareFile({ format, article }: ParsedFile, bytes: Uint8Array): PreparedFile {
  const { document, ...rest } = article
  const counts = new Map<string, number>()
  for (const b of document.blocks) if (b.removed) counts.set(b.removed.reason, (counts.get(b.removed.reason) ?? 0) + 1)
  return {
    format,
    article: rest,
    documentJson: JSON.stringify(document),
    removed: [...counts].map(([reason, count]) => ({ reason, count })),
    contentHash: createHash('sha256').update(article.text).digest('hex'),
    originalSha256: createHash('sha256').update(bytes).digest('hex'),
    signature: minhashSignature(article.text)
  }
}

/** parseFile, then prepareFile: what a parse worker answers to an import. */
export async function parseAndPrepare(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<PreparedFile> {
  return prepareFile(await parseFile(name, bytes, options), bytes)
}
