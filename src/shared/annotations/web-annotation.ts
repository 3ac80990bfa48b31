import type { PageRef } from '../document/article-document'
import { dossierUrl, parseDossierUrl } from '../links/dossier-link'
import type { Reason, ReasonId } from '../reasons'

/** RFC 3778's PDF fragment identifiers, the W3C model's way to select a page. */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778'

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/): Dossier's highlights
 * out as an AnnotationCollection, and annotations in, from Dossier, Hypothesis or any tool that
 * writes TextQuoteSelector / TextPositionSelector targets.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export interface HighlightAnnotationSource {
  id: string
  articleId: string
  /** The article's URL, or null: its dossier:// link is the target's source then. */
  articleUrl: string | null
  articleTitle: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  label: string | null
  tags: readonly string[]
  note: string | null
  createdAt: string
  /** The article's source name, its reliability (A–F, override else source) and the highlight's credibility (1–6). */
  source?: string | null
  reliability?: string | null
  credibility?: number | null
  /** On a paged document (PDF): the page the passage starts on. */
  page?: PageRef | null
}

export function toAnnotation(h: HighlightAnnotationSource): Record<string, unknown> {
  const body: Record<string, unknown>[] = []
  if (h.note) body.push({ type: 'TextualBody', value: h.note, format: 'text/markdown', purpose: 'commenting' })
  if (h.label) body.push({ type: 'TextualBody', value: h.label, purpose: 'classifying' })
  for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  // The Admiralty grade as an assessment: the value reads as the analyst writes it (B2), the two
  // scales stay apart in their own fields, each null when not graded.
  if (h.reliability || h.credibility) {
    body.push({
      type: 'TextualBody',
      value: `${h.reliability ?? '?'}${h.credibility ?? '?'}`,
      purpose: 'assessing',
      sourceReliability: h.reliability ?? null,
      informationCredibility: h.credibility ?? null
    })
  }
  return {
    '@context': ANNO_CONTEXT,
    id: dossierUrl({ kind: 'highlight', id: h.id }),
    type: 'Annotation',
    motivation: 'highlighting',
    created: h.createdAt,
    ...(body.length ? { body } : {}),
    target: {
      source: h.articleUrl ?? dossierUrl({ kind: 'article', id: h.articleId }),
      ...(h.articleUrl ? { scope: dossierUrl({ kind: 'article', id: h.articleId }) } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
        { type: 'TextPositionSelector', start: h.start, end: h.end },
        // The page, for tools that open the PDF itself; "page=12" counts pages from 1, as RFC 3778 does.
        ...(h.page ? [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${h.page.page}`, ...(h.page.label ? { label: h.page.label } : {}) }] : [])
      ]
    }
  }
}

export function annotationCollection(items: readonly Record<string, unknown>[], label: string): Record<string, unknown> {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items }
  }
}

/** One annotation as Dossier can use it. */
export interface IncomingAnnotation {
  /** Where in the file, for messages: "annotation 3". */
  where: string
  /** Its number in the file, from 1: the `n` of its reasons. */
  n: number
  source: string
  /** The Dossier highlight it came from, when it was exported by Dossier. */
  dossierHighlightId: string | null
  exact: string
  prefix: string
  suffix: string
  start: number | null
  end: number | null
  note: string | null
  label: string | null
  tags: string[]
}

export interface ParsedAnnotations {
  annotations: IncomingAnnotation[]
  /** Annotations that could not be read, each with where and why. */
  problems: string[]
  /** The same, as message ids and values for the interface to word (reasons.ts). */
  problemReasons: Reason[]
}

/**
 * Reads a W3C annotation, a list of them, an AnnotationCollection or AnnotationPage, or a
 * Hypothesis export (`{ annotations: [...] }` or the API's `{ rows: [...] }`, with `uri`, `text`
 * and `tags`). Throws only when the whole document is of no known shape.
 */
export function parseAnnotations(doc: unknown): ParsedAnnotations {
  const items = annotationItems(doc)
  if (!items) throw new Error('not a W3C annotation, annotation collection or Hypothesis export')
  const out: ParsedAnnotations = { annotations: [], problems: [], problemReasons: [] }
  items.forEach((item, i) => {
    const where = `annotation ${i + 1}`
    const result = readAnnotation(item, where, i + 1)
    if (typeof result === 'string') {
      out.problems.push(`${where}: ${PROBLEMS[result]}`)
      out.problemReasons.push({ id: result, values: { n: i + 1 } })
    } else out.annotations.push(result)
  })
  return out
}

function annotationItems(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc
  if (!isObject(doc)) return null
  if (doc.type === 'Annotation' || 'target' in doc) return [doc]
  for (const key of ['items', 'annotations', 'rows']) if (Array.isArray(doc[key])) return doc[key] as unknown[]
  if (isObject(doc.first)) return annotationItems(doc.first)
  return null
}

/** Why an annotation cannot be read, in main's English (the catalogs word the same reasons). */
const PROBLEMS = {
  'annotations.not_object': 'not an object',
  'annotations.no_source': 'has no target source (the page it annotates)',
  'annotations.no_quote': 'has no TextQuoteSelector with the quoted text (a page note, not a highlight)'
} as const satisfies Partial<Record<ReasonId, string>>

function readAnnotation(item: unknown, where: string, n: number): IncomingAnnotation | keyof typeof PROBLEMS {
  if (!isObject(item)) return 'annotations.not_object'
  const target = (Array.isArray(item.target) ? item.target[0] : item.target) as unknown
  const source = isObject(target) ? text(target.source) : typeof target === 'string' ? target : null
  const uri = source ?? text(item.uri)
  if (!uri) return 'annotations.no_source'
  const selectors = isObject(target) ? (Array.isArray(target.selector) ? target.selector : [target.selector]) : []
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Record<string, unknown> | undefined
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as Record<string, unknown> | undefined
  const exact = text(quote?.exact)
  if (!exact) return 'annotations.no_quote'
  const start = Number.isInteger(position?.start) ? (position!.start as number) : null
  const end = Number.isInteger(position?.end) ? (position!.end as number) : null

  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject)
  const purpose = (b: Record<string, unknown>) => (Array.isArray(b.purpose) ? b.purpose[0] : b.purpose)
  const notes = bodies.filter((b) => !purpose(b) || purpose(b) === 'commenting').map((b) => text(b.value)).filter(Boolean)
  const hypothesisNote = text(item.text)
  const tags = [
    ...bodies.filter((b) => purpose(b) === 'tagging').map((b) => text(b.value)),
    ...(Array.isArray(item.tags) ? item.tags.map(text) : [])
  ].filter((t): t is string => !!t)
  const label = bodies.filter((b) => purpose(b) === 'classifying').map((b) => text(b.value)).find(Boolean) ?? null
  const link = parseDossierUrl(item.id)
  return {
    where,
    n,
    source: uri,
    dossierHighlightId: link?.kind === 'highlight' ? link.id : null,
    exact,
    prefix: text(quote?.prefix) ?? '',
    suffix: text(quote?.suffix) ?? '',
    start,
    end: start !== null && end !== null && end > start ? end : null,
    note: [...notes, ...(hypothesisNote ? [hypothesisNote] : [])].join('\n\n') || null,
    label,
    tags: [...new Set(tags)]
  }
}

/** URLs compared as a reader would: scheme and host case-insensitive, no fragment, no trailing slash. */
export function sameDocumentUrl(url: string): string {
  try {
    const u = new URL(url.trim())
    u.hash = ''
    return u.toString().replace(/\/$/, '')
  } catch {
    return url.trim()
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null)
