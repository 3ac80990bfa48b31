import type Database from 'better-sqlite3'
import { changeWatchRepo } from '../../db/repos/change-watch'
import type { HighlightCitedRow } from '../../db/repos/highlights'
import { inPieces } from '../export/byte-pieces'
import type { EvidenceManifest } from '../../../shared/analysis/analysis-types'
import { isEmptyBlock, nodeBlock, type Brief, type BriefBlock, type CiteRef } from '../../../shared/brief/brief-document'
import { appendixRowsMarkdown, blockMarkdown, briefMarkdownAppendix, briefMarkdownOpening, footnoteText } from '../../../shared/brief/brief-markdown'
import { blockSentences, checkBrief, type BriefCheck, type PassageState } from '../../../shared/brief/check-brief'
import { findChildren, updateChildren, type NotebookChildren } from '../../../shared/brief/notebook-children'
import type { UiLocale } from '../../../shared/i18n/locales'
import type { Translate } from '../../../shared/i18n/messages'

/**
 * What the Markdown export reads from the library besides the notebook, supplied by
 * BriefService so that both exports read it the same way.
 */
export interface BriefLibrary {
  caseName(caseId: string): string
  notebook(caseId: string): { content: string; updated_at: string } | undefined
  /** The rows of these highlights, by id (missing ones left out). */
  rows(ids: readonly string[]): Map<string, HighlightCitedRow>
  /** The highlights a brief's notes cite: its quotes' and its claims' evidence. */
  citedIds(cites: readonly CiteRef[]): string[]
  /** One note per cite, formatted with the style. */
  notes(cites: readonly CiteRef[], rows: ReadonlyMap<string, HighlightCitedRow>): string[]
  claimText(claimId: string): string | null
  /** The case's evidence manifest. Its articles are kept while the library is unchanged; the log's head and the date are read every time. */
  manifest(caseId: string): EvidenceManifest
  logHead(): EvidenceManifest['logHead']
  now(): string
}

/** The file, and where its parts made afresh at each export lie in it (brief-markdown-store.ts keeps it in the library). */
export interface MadeMarkdown {
  /** The file in 16 KB pieces (byte-pieces.ts). */
  markdown: Buffer[]
  brief: Brief
  check: BriefCheck
  layout: MarkdownLayout
}

export interface MarkdownLayout {
  title: string
  caseName: string
  /** The appendix's article count and the log head its sentence names. */
  articles: number
  logHead: EvidenceManifest['logHead']
  /** Bytes: the blocks start after the front matter and title; the appendix's heading and sentence lie between headStart and headEnd. */
  bodyStart: number
  headStart: number
  headEnd: number
}

/** One top-level node of the notebook, and what the export made of it (each part made on first use). */
interface Child {
  block: BriefBlock | null
  cite: CiteRef | null
  /** The block's Markdown as bytes (a quote's cut where its number goes), in `locale`: a key judgement's lead and a table's words are translated. */
  head: Buffer | null
  tail: Buffer | null
  locale: UiLocale | null
  /** The footnote's text as bytes, made under `noteEpoch` (library version, style, language). */
  note: Buffer | null
  noteEpoch: string | null
  /**
   * What the file holds for the block (its blank line, and a quote's number `numbered`) and for
   * its footnote line (`[^n]: note`, for the note of `lineEpoch`): laid out as one piece each,
   * since copying 4,000 small pieces cost more than making these again when a number moves.
   */
  piece: Buffer | null
  numbered: number
  line: Buffer | null
  lineNumber: number
  lineEpoch: string | null
  sentences: readonly string[] | null
}

interface CaseNotebook {
  text: string
  /**
   * Where each node lies in `text`, for finding them again after an edit (updateChildren). A
   * notebook parsed whole has none until the process idles (or the next edit needs them):
   * JSON.parse of the whole text is native and several times faster than the scanner, and the
   * first export after a start waits for it. Null when the scanner does not recognise the text.
   */
  children: NotebookChildren | null | undefined
  nodes: Child[]
}

/** What the library said, kept until one of the tables it comes from changes: each highlight's row, each claim's text, each case's appendix. */
interface LibraryFacts {
  version: string
  /** Each highlight read, and the state check mode needs of those that exist (plain objects: a row's own properties are slow to read 500 times an export). */
  read: Set<string>
  passages: Map<string, PassageState>
  claims: Map<string, string | null>
  appendix: Map<string, { articles: EvidenceManifest['articles']; rows: Buffer }>
}

/**
 * The tables whose rows a brief's Markdown export reads (notes, check mode, appendix). A change
 * to any of them, through this connection or any other, drops everything kept from them.
 */
const WATCHED = ['highlights', 'articles', 'sources', 'claims', 'claim_evidence', 'case_articles'] as const

/** Kept for a few cases at a time: an analyst exports the brief they are writing. */
const MAX_CASES = 4

/**
 * The brief's Markdown export, made again after an edit from what changed (decision 0046): the
 * notebook's nodes are found again in the edited text without parsing it whole
 * (notebook-children.ts), and each node keeps its block, its Markdown (a quote's cut where its
 * footnote number goes) and its sentences; notes and the appendix are kept until the library's
 * rows they come from change. The file is byte for byte what a fresh export writes (a property
 * test checks it); a draft brief, or a notebook the scanner does not recognise, is made afresh.
 */
export class BriefMarkdownExport {
  private readonly cases = new Map<string, CaseNotebook>()
  private facts: LibraryFacts | null = null
  private watching: boolean | undefined
  private readonly said = new Map<string, string>()
  private unwatched = 0

  constructor(private readonly db: Database.Database) {}

  /** The brief's Markdown and check, or null when it must be made afresh (a draft, or a notebook not recognised). */
  render(
    caseId: string,
    t: Translate,
    locale: UiLocale,
    style: { key: string; title: string },
    library: BriefLibrary
  ): MadeMarkdown | null {
    const caseName = library.caseName(caseId)
    const row = library.notebook(caseId)
    if (!row) return null
    const notebook = this.notebookOf(caseId, row.content)
    if (!notebook) return null

    const blocks: BriefBlock[] = []
    const cites: CiteRef[] = []
    // The children that make blocks, in order; cited[i] made cites[i].
    const owners: Child[] = []
    const cited: Child[] = []
    let empty = true
    for (const child of notebook.nodes) {
      let block = child.block
      if (!block) continue
      if (child.cite) {
        cites.push(child.cite)
        cited.push(child)
        if (block.kind === 'quote' && block.cite !== cites.length - 1) child.block = block = { ...block, cite: cites.length - 1 }
      }
      if (empty && !isEmptyBlock(block)) empty = false
      if (child.locale !== locale || !child.head) {
        const md = blockMarkdown(block, t)
        child.head = Buffer.from(md.head, 'utf8')
        child.tail = md.tail === null ? null : Buffer.from(md.tail, 'utf8')
        child.piece = null
        child.locale = locale
      }
      blocks.push(block)
      owners.push(child)
    }
    // An empty notebook exports a draft from the case's claims and highlights instead.
    if (empty) return null
    const brief: Brief = { title: this.words(`title\u0000${locale}\u0000${caseName}`, () => t('brief:title', { name: caseName })), blocks, cites, draft: false }

    const facts = this.factsNow()
    const epoch = `${facts.version}\u0000${style.key}\u0000${locale}`
    if (cited.some((c) => c.noteEpoch !== epoch)) {
      // A cite not seen since the library last changed: every note is made as a fresh export
      // makes them (the style's processor is given every cited work at once).
      const ids = library.citedIds(cites)
      const rows = library.rows(ids)
      keepPassages(facts, ids, rows)
      library.notes(cites, rows).forEach((note, i) => {
        cited[i]!.note = Buffer.from(footnoteText(note), 'utf8')
        cited[i]!.noteEpoch = epoch
      })
    }

    let appendix = facts.appendix.get(caseId)
    let manifest: EvidenceManifest
    if (appendix) manifest = { caseId, caseName, generatedAt: library.now(), logHead: library.logHead() ?? null, articles: appendix.articles }
    else {
      manifest = library.manifest(caseId)
      const rows = appendixRowsMarkdown(manifest)
      facts.appendix.set(caseId, (appendix = { articles: manifest.articles, rows: Buffer.from(rows ? `\n${rows}` : '', 'utf8') }))
    }
    const check = this.check(brief, facts, library, (block, i) => (owners[i]!.sentences ??= blockSentences(block)))
    const frame = { brief, caseName: manifest.caseName, caseId, generatedAt: manifest.generatedAt, styleTitle: style.title, manifest, t }

    // The file as assembleBriefMarkdown lays it out, from the bytes kept for each piece.
    const opening = Buffer.from(briefMarkdownOpening(frame), 'utf8')
    const chunks: Uint8Array[] = [opening]
    let quotes = 0
    for (const child of owners) {
      if (child.tail) {
        quotes++
        if (!child.piece || child.numbered !== quotes) {
          child.piece = Buffer.concat([BLANK_LINE, child.head!, Buffer.from(String(quotes)), child.tail])
          child.numbered = quotes
        }
        chunks.push(child.piece)
      } else if (child.head!.length) chunks.push((child.piece ??= Buffer.concat([BLANK_LINE, child.head!])))
    }
    const head = manifest.logHead
    const appendixHead = this.words(`appendix\u0000${locale}\u0000${manifest.articles.length}\u0000${head?.seq ?? ''}\u0000${head?.hash ?? ''}`, () => briefMarkdownAppendix(frame))
    let headStart = BLANK_LINE.length
    for (const chunk of chunks) headStart += chunk.length
    const appendixBytes = Buffer.from(appendixHead, 'utf8')
    chunks.push(BLANK_LINE, appendixBytes, appendix.rows, BLANK_LINE)
    cited.forEach((child, i) => {
      if (!child.line || child.lineNumber !== i + 1 || child.lineEpoch !== child.noteEpoch) {
        child.line = Buffer.concat([Buffer.from(`${i ? '\n' : ''}[^${i + 1}]: `), child.note!])
        child.lineNumber = i + 1
        child.lineEpoch = child.noteEpoch
      }
      chunks.push(child.line)
    })
    chunks.push(NEW_LINE)
    const layout = { title: brief.title, caseName: manifest.caseName, articles: manifest.articles.length, logHead: head ?? null, bodyStart: opening.length, headStart, headEnd: headStart + appendixBytes.length }
    return { markdown: inPieces(chunks), brief, check, layout }
  }

  /** Translated words by what they depend on: i18next's lookups cost more than the rest of a re-export's assembly. */
  private words(key: string, make: () => string): string {
    let found = this.said.get(key)
    if (found === undefined) {
      if (this.said.size >= 64) this.said.clear()
      this.said.set(key, (found = make()))
    }
    return found
  }

  /** The notebook's nodes, each one unchanged since the last export kept with what was made of it. */
  private notebookOf(caseId: string, content: string): CaseNotebook | null {
    const kept = this.cases.get(caseId)
    if (kept && kept.text === content) return kept
    const before = kept ? located(kept) : null
    const update = before ? updateChildren(before, content) : null
    let made: CaseNotebook | null = null
    this.cases.delete(caseId)
    try {
      if (update) {
        const { children, reused } = update
        // The old records are taken over, not copied: the old notebook is dropped, and each is reused once.
        const nodes = reused.map((old, i) => (old >= 0 ? kept!.nodes[old]! : fresh(JSON.parse(content.slice(children.starts[i], children.ends[i])))))
        made = { text: content, children, nodes }
      } else {
        // Parsed whole, as briefFromNotebook parses it; where the nodes lie is found when the process idles.
        const list = (JSON.parse(content) as { root?: { children?: unknown } } | null)?.root?.children
        if (!Array.isArray(list)) return null
        const whole: CaseNotebook = (made = { text: content, children: undefined, nodes: list.map(fresh) })
        setImmediate(() => located(whole))
      }
    } catch {
      // A node that is not JSON, or not one briefFromNotebook can read: the fresh export says why.
      return null
    }
    if (made) {
      this.cases.set(caseId, made)
      if (this.cases.size > MAX_CASES) this.cases.delete(this.cases.keys().next().value!)
    }
    return made
  }

  private check(brief: Brief, facts: LibraryFacts, library: BriefLibrary, sentencesOf: (block: BriefBlock, i: number) => readonly string[]): BriefCheck {
    const missing = brief.cites.flatMap((c) => (c.kind === 'highlight' && !facts.read.has(c.highlightId) ? [c.highlightId] : []))
    if (missing.length) keepPassages(facts, missing, library.rows(missing))
    const claims = new Map<string, { text: string }>()
    for (const c of brief.cites) {
      if (c.kind === 'claim') {
        let text = facts.claims.get(c.claimId)
        if (text === undefined) facts.claims.set(c.claimId, (text = library.claimText(c.claimId)))
        if (text !== null) claims.set(c.claimId, { text })
      }
    }
    return checkBrief(brief, facts.passages, claims, sentencesOf)
  }

  /** The facts kept, or new empty ones when the watched tables changed since they were read. */
  private factsNow(): LibraryFacts {
    // Without a version nothing may be trusted twice: each export gets one of its own.
    const version = this.version() ?? `unwatched ${++this.unwatched}`
    if (this.facts?.version !== version) this.facts = { version, read: new Set(), passages: new Map(), claims: new Map(), appendix: new Map() }
    return this.facts
  }

  /** Changes whenever a watched table does (change-watch.ts); null when it cannot be watched: then nothing is kept. */
  private version(): string | null {
    const repo = changeWatchRepo(this.db)
    if (this.watching === undefined) {
      try {
        repo.watch('brief', WATCHED)
        this.watching = true
      } catch {
        this.watching = false
      }
    }
    return this.watching ? repo.version('brief') : null
  }
}

function keepPassages(facts: LibraryFacts, ids: readonly string[], rows: ReadonlyMap<string, HighlightCitedRow>): void {
  for (const id of ids) {
    facts.read.add(id)
    const r = rows.get(id)
    if (r) facts.passages.set(id, { exact: r.exact, orphaned: r.orphaned === 1, deleted: !!r.deleted_at || !!r.article_deleted })
  }
}

/** Where the notebook's nodes lie, found once; null when the scanner does not recognise the text or finds other nodes than JSON.parse did. */
function located(notebook: CaseNotebook): NotebookChildren | null {
  if (notebook.children === undefined) {
    const found = findChildren(notebook.text)
    notebook.children = found && found.starts.length === notebook.nodes.length ? found : null
  }
  return notebook.children
}

function fresh(node: unknown): Child {
  const { block, cite } = nodeBlock(node)
  return { block, cite, head: null, tail: null, locale: null, note: null, noteEpoch: null, piece: null, numbered: 0, line: null, lineNumber: 0, lineEpoch: null, sentences: null }
}

const BLANK_LINE = Buffer.from('\n\n')
const NEW_LINE = Buffer.from('\n')
