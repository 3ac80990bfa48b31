import type Database from 'better-sqlite3'
import { parseAnnotations, sameDocumentUrl, type IncomingAnnotation } from '../../../shared/annotations/web-annotation'
import type { ReanchorResult } from '../../../shared/anchoring/reanchor'
import { DossierError } from '../../../shared/errors'
import type { Reason } from '../../../shared/reasons'
import { parseDossierUrl } from '../../../shared/links/dossier-link'
import { noteFromMarkdown } from '../../../shared/notes/note-markdown'
import { MAX_NOTE_CHARS, noteTooLargeMessage } from '../../../shared/notes/note-schemas'
import { REANCHOR_BUDGET_MS, type ComputeService } from '../compute/compute-service'
import type { HighlightService } from '../highlight-service'
import type { NoteService } from '../note-service'
import { articlesRepo } from '../../db/repos/articles'
import { highlightsRepo } from '../../db/repos/highlights'
import { labelsRepo } from '../../db/repos/labels'

export interface AnnotationImportReport {
  imported: number
  /** Placed, but not with certainty: flagged "check placement" in the reader. */
  needsReview: number
  /** Already in the library (same article and passage). */
  duplicates: number
  /** Could not be brought in, each with where and why. */
  skipped: string[]
  /** The same, as message ids and values the interface words in the analyst's language. */
  skippedReasons: Reason[]
}

/**
 * Brings annotations in (a Dossier JSON export, a Hypothesis export, any W3C annotations): each is
 * matched to an article by its source URL (or dossier:// link), its passage found again with the
 * re-anchoring engine, and created as a highlight with its note, tags and label.
 */
export async function importAnnotations(
  db: Database.Database,
  highlights: HighlightService,
  notes: NoteService,
  compute: ComputeService,
  json: string,
  fileName: string
): Promise<AnnotationImportReport> {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0] ?? ''
    throw new DossierError('invalid_input', `${fileName}: not JSON (${detail}).`, { id: 'annotations.not_json', values: { file: fileName, detail } })
  }
  let parsed
  try {
    parsed = parseAnnotations(doc)
  } catch (err) {
    throw new DossierError('invalid_input', `${fileName}: ${(err as Error).message}.`, { id: 'annotations.unknown_shape', values: { file: fileName } })
  }
  const report: AnnotationImportReport = { imported: 0, needsReview: 0, duplicates: 0, skipped: [...parsed.problems], skippedReasons: [...parsed.problemReasons] }
  const skip = (text: string, reason: Reason) => {
    report.skipped.push(text)
    report.skippedReasons.push(reason)
  }
  const articleRows = articlesRepo(db)
  const highlightRows = highlightsRepo(db)
  const articles = articleRows.liveUrls()
  const byUrl = new Map(articles.filter((a) => a.url).map((a) => [sameDocumentUrl(a.url!), a.id]))
  const live = new Set(articles.map((a) => a.id))
  const labels = new Map(labelsRepo(db).all().map((l) => [l.name.toLowerCase(), l.id]))

  // Passages are found again off main's event loop (the compute worker), one article's
  // annotations at a time; the highlights are then written here, in file order.
  const targets = parsed.annotations.map((a) => articleFor(a, byUrl, live))
  const placements = new Map<IncomingAnnotation, ReanchorResult>()
  for (const articleId of new Set(targets.filter((id): id is string => id !== null))) {
    const mine = parsed.annotations.filter((_, i) => targets[i] === articleId)
    // An article emptied from the Trash while earlier passages were found has no text: its
    // annotations are skipped below, as deleted during the import.
    const text = articleRows.text(articleId) ?? ''
    const selectors = mine.map((a) => {
      const start = a.start ?? 0
      return { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start, end: a.end ?? start + a.exact.length }
    })
    const results = await compute.run({ kind: 'reanchor', text, selectors }, { budgetMs: REANCHOR_BUDGET_MS })
    mine.forEach((a, i) => placements.set(a, results[i]!))
  }

  for (const [index, a] of parsed.annotations.entries()) {
    const articleId = targets[index]
    if (!articleId) {
      skip(`${a.where}: no article in the library has the address ${a.source}`, { id: 'annotations.no_article', values: { n: a.n, address: a.source } })
      continue
    }
    // Not there (trashed or deleted while the passages were being found): said, not guessed.
    if (!articleRows.isLive(articleId)) {
      skip(`${a.where}: its article was deleted during the import`, { id: 'annotations.article_deleted', values: { n: a.n } })
      continue
    }
    const placed = placements.get(a)!
    if (placed.status === 'orphaned') {
      const quote = a.exact.slice(0, 60)
      skip(`${a.where}: the quoted passage "${quote}" is not in the article’s text`, { id: 'annotations.passage_missing', values: { n: a.n, quote } })
      continue
    }
    if (highlightRows.liveAt(articleId, placed.start, placed.end)) {
      report.duplicates += 1
      continue
    }
    // A note whose Markdown already promises a state over the limit is refused before it is
    // converted, which for a hundred thousand lines would hold the main thread for half a minute.
    const note = a.note ? (leastStateChars(a.note) > MAX_NOTE_CHARS ? null : noteFromMarkdown(a.note)) : undefined
    if (note === null || (note && note.length > MAX_NOTE_CHARS)) {
      const chars = note?.length ?? a.note!.length
      skip(`${a.where}: its note is too long (${noteTooLargeMessage(chars)})`, {
        id: 'annotations.note_too_long',
        values: { n: a.n, kb: Math.ceil(chars / 1024), limitKb: MAX_NOTE_CHARS / 1024 }
      })
      continue
    }
    db.transaction(() => {
      const labelId = a.label ? (labels.get(a.label.toLowerCase()) ?? undefined) : undefined
      const h = labelId === undefined ? highlights.create(articleId, placed.start, placed.end) : highlights.create(articleId, placed.start, placed.end, labelId)
      if (placed.needsReview) {
        highlightRows.flagForReview(h.id, placed.confidence)
        report.needsReview += 1
      }
      const tags = a.tags.map((t) => t.trim().replace(/^#+/, '').replace(/[\s,]+/g, ' ').trim().slice(0, 60)).filter(Boolean)
      if (tags.length) highlights.setTags(h.id, tags)
      if (note) notes.save(h.id, note)
    })()
    report.imported += 1
  }
  return report
}

/**
 * Fewer characters than the editor state made from this Markdown can have: its text, and each
 * non-blank line becomes a paragraph, item or code line of at least 60 characters of JSON.
 */
function leastStateChars(markdown: string): number {
  let lines = 0
  for (const line of markdown.split('\n')) if (line.trim()) lines += 1
  return markdown.length + 60 * lines
}

function articleFor(a: IncomingAnnotation, byUrl: Map<string, string>, live: Set<string>): string | null {
  const link = parseDossierUrl(a.source)
  if (link?.kind === 'article') return live.has(link.id) ? link.id : null
  return byUrl.get(sameDocumentUrl(a.source)) ?? null
}
