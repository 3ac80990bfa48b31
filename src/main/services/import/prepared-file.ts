import { createHash } from 'node:crypto'
import { minhashSignature } from '../../../shared/analysis/minhash'
import type { DocumentFormat, ParsedDocument } from '../../../shared/import/parsed-document'
import { resolveLanguage, type LanguageSource } from '../../../shared/text/article-language'
import { eldDetector } from '../language/eld-detector'
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
  /** Where `article.language` came from; absent where the language was not resolved (it is then detected after import). */
  languageSource?: LanguageSource
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

/** parseFile, then prepareFile, with the article's language resolved: what a parse worker answers to an import. */
export async function parseAndPrepare(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<PreparedFile> {
  const parsed = await parseFile(name, bytes, options)
  const { language, source } = await languageOf(parsed.article.language, parsed.article.text)
  return { ...prepareFile({ ...parsed, article: { ...parsed.article, language } }, bytes), languageSource: source }
}

/** The declared language when the text bears it out; only otherwise is the detector loaded. */
async function languageOf(declared: string | null, text: string): Promise<{ language: string; source: LanguageSource }> {
  const quick = resolveLanguage(declared, text, () => null)
  return quick.source === 'metadata' ? quick : resolveLanguage(declared, text, await eldDetector())
}
