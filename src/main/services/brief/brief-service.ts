import type Database from 'better-sqlite3'
import { activityLogRepo } from '../../db/repos/activity-log'
import { caseNotebookMemo } from '../../db/repos/case-notebook-memo'
import { casesRepo } from '../../db/repos/cases'
import { highlightsRepo, type HighlightCitedRow } from '../../db/repos/highlights'
import { basename, resolve } from 'node:path'
import { z } from 'zod'
import { isReliability } from '../../../shared/analysis/admiralty'
import { briefFromNotebook, isEmptyBrief, type Brief, type BriefBlock, type CiteRef } from '../../../shared/brief/brief-document'
import { briefHtml } from '../../../shared/brief/brief-html'
import { briefMarkdown } from '../../../shared/brief/brief-markdown'
import type { BriefRenderInput } from '../../../shared/brief/brief-render-input'
import { checkBrief, type BriefCheck, type PassageState } from '../../../shared/brief/check-brief'
import type { CitedPassage } from '../../../shared/citations/citation'
import { pageLocator, placeBlocks, type ArticleDocument } from '../../../shared/document/article-document'
import { DossierError } from '../../../shared/errors'
import { refuse } from '../../../shared/refusals'
import type { ClaimService } from '../analysis/claim-service'
import type { CaseService } from '../analysis/case-service'
import type { ProvenanceService } from '../analysis/provenance-service'
import type { Clock } from '../clock'
import { writeSingleExportFile } from '../export/single-file-export'
import { SettingsStore } from '../settings-store'
import { intlLocale, type UiLocale } from '../../../shared/i18n/locales'
import type { Translate } from '../../../shared/i18n/messages'
import { shownLabelName } from '../../../shared/i18n/default-labels'
import { BriefMarkdownExport, type BriefLibrary } from './brief-markdown-export'
import { BriefMarkdownStore } from './brief-markdown-store'
import { bundledStyle, CitationFormatter, parseCslStyle, readCslStyle, styleIdentity, type CslStyle } from './citation-formatter'

export const BRIEF_FORMATS = ['md', 'docx', 'html', 'pdf'] as const
export type BriefFormat = (typeof BRIEF_FORMATS)[number]

/**
 * Prints a brief's self-contained HTML to PDF bytes. Only the Electron shell has one (a hidden
 * window's `printToPDF`, src/main/electron/print-to-pdf.ts); in the browser the analyst prints
 * the brief's print view, and the CLI has no PDF.
 */
export type PdfPrinter = (html: string) => Promise<Buffer>

/** What the brief's CSL style is: the bundled Chicago style unless the analyst picked a file. */
export interface BriefStyleInfo {
  title: string
  custom: boolean
  fileName: string | null
}

export interface BriefExport {
  file: string
  /** Set when the file at `file` was changed since Dossier last wrote it: the new brief went here instead. */
  conflictFile: string | null
  format: BriefFormat
  footnotes: number
  draft: boolean
  check: BriefCheck
}

const STYLE_KEY = 'briefCslStyle'
const StoredStyle = z.object({ name: z.string(), xml: z.string() }).nullable()

/**
 * A case's brief: the case notebook (decision 0024) read as a Brief, checked, and written to
 * Markdown, Word or HTML with its quotes cited. With no brief written yet, a draft of the case's
 * claims and quoted highlights is written instead. Every file goes through the export conflict
 * rule: a file the analyst changed since Dossier wrote it is never replaced.
 */
export class BriefService {
  private readonly settings: SettingsStore
  private readonly markdown: BriefMarkdownExport
  private readonly stored: BriefMarkdownStore

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly deps: { cases: CaseService; claims: ClaimService; provenance: ProvenanceService; pdf?: PdfPrinter; appVersion?: string }
  ) {
    this.settings = new SettingsStore(db)
    this.markdown = new BriefMarkdownExport(db)
    this.stored = new BriefMarkdownStore(db, deps.appVersion ?? 'unknown')
  }

  /**
   * The words of an export in a language (decision 0033): loaded once per language and process,
   * on the first export in it, so a run that exports nothing never loads a catalog (the catalogs
   * are the build's: every library's services share them).
   */
  private translator(locale: UiLocale): Promise<Translate> {
    let found = WORDS.get(locale)
    if (!found) {
      found = import('../../../shared/i18n/create-i18n').then(async ({ createI18n, translator }) => translator(await createI18n(locale)))
      WORDS.set(locale, found)
      // A catalog that failed to load is tried again by the next export.
      found.catch(() => WORDS.delete(locale))
    }
    return found
  }

  /** The case's brief, or a draft from its claims and highlights when the notebook is empty. */
  brief(caseId: string, t: Translate): Brief {
    const found = this.deps.cases.get(caseId)
    const notebook = this.deps.cases.getNotebook(caseId)
    const written = notebook ? briefFromNotebook(notebook.content, t('brief:title', { name: found.name })) : null
    return written && !isEmptyBrief(written) ? written : this.draft(caseId, found.name, t)
  }

  async check(caseId: string, locale: UiLocale = 'en'): Promise<BriefCheck> {
    return this.checkOf(this.brief(caseId, await this.translator(locale)))
  }

  /** The CSL style exports use: the analyst's, or the bundled Chicago notes style. */
  style(): BriefStyleInfo {
    const stored = this.storedStyle()
    const style = stored ? parseCslStyle(stored.xml, stored.name) : bundledStyle()
    return { title: style.title, custom: stored !== null, fileName: stored?.name ?? null }
  }

  /** Keeps a checked CSL file in the library (so the brief's look travels with it); null goes back to Chicago. */
  setStyle(path: string | null): BriefStyleInfo {
    if (path === null) return this.useStyle(null)
    this.settings.set(STYLE_KEY, { name: basename(path), xml: readCslStyle(path).xml })
    return this.style()
  }

  /**
   * The same from the file's text, as the app sends it (a browser page has no paths): checked by
   * the same rules as `dossier report --style` before anything is kept.
   */
  useStyle(file: { name: string; xml: string } | null): BriefStyleInfo {
    if (file === null) this.settings.delete(STYLE_KEY)
    else {
      const name = basename(file.name.replace(/\\/g, '/')) || 'style.csl'
      const style = parseCslStyle(file.xml, name)
      this.settings.set(STYLE_KEY, { name, xml: style.xml })
    }
    return this.style()
  }

  /** Whether this shell can write PDF itself (the desktop app); the browser prints the print view instead. */
  get canWritePdf(): boolean {
    return this.deps.pdf !== undefined
  }

  /** The brief as its self-contained, print-styled HTML file: what PDF is printed from. */
  async html(caseId: string, locale: UiLocale = 'en'): Promise<{ html: string; title: string }> {
    const t = await this.translator(locale)
    const brief = this.brief(caseId, t)
    return { html: briefHtml(this.renderInput(caseId, brief, t, locale)), title: brief.title }
  }

  /** The bytes of the brief in a format, with what check mode found. */
  async render(caseId: string, format: BriefFormat, stylePath?: string, locale: UiLocale = 'en'): Promise<{ body: Buffer; footnotes: number; draft: boolean; check: BriefCheck }> {
    const made = await this.produce(caseId, format, stylePath, locale)
    return { ...made, body: Buffer.isBuffer(made.body) ? made.body : Buffer.concat(made.body) }
  }

  /** The same, a stored Markdown export as its stored pieces (and its hash when it is the stored file unchanged). */
  private async produce(
    caseId: string,
    format: BriefFormat,
    stylePath?: string,
    locale: UiLocale = 'en'
  ): Promise<{ body: Buffer | readonly Uint8Array[]; sha256?: string; footnotes: number; draft: boolean; check: BriefCheck }> {
    const picked = stylePath ? readCslStyle(stylePath) : undefined
    if (format === 'md') {
      // The export the library keeps, when nothing it was made from changed (decision 0059).
      // The style as the library names it now, read with the stored export (one statement).
      const identify = (setting: string | null) => {
        const { key, title } = picked ?? this.styleIdentity(setting)
        return { fingerprint: this.stored.fingerprint(locale, key), styleTitle: title }
      }
      const kept = await this.stored.read(caseId, STYLE_KEY, identify, this.clock(), () => this.translator(locale))
      if (kept) return { ...kept, draft: false }
      // Read before anything the export reads: what it makes is never older than the count it is stored under.
      const changes = this.stored.changes()
      const t = await this.translator(locale)
      const style = picked ?? this.currentStyle()
      const fingerprint = this.stored.fingerprint(locale, style.key)
      // Made from what changed since the last export (decision 0046); null for a draft.
      const made = this.markdown.render(caseId, t, locale, style, this.library(style, t, locale))
      if (made) {
        this.stored.keep(caseId, changes, fingerprint, made)
        return { body: made.markdown, footnotes: made.brief.cites.length, draft: false, check: made.check }
      }
    }
    const t = await this.translator(locale)
    const style = picked ?? this.currentStyle()
    const brief = this.brief(caseId, t)
    if (format === 'pdf' && !this.deps.pdf) {
      throw refuse('brief.pdf_desktop_only')
    }
    // The cited passages are read once, for the notes and for check mode both.
    const rows = this.citedRows(brief)
    const input = this.renderInput(caseId, brief, t, locale, style, rows)
    const body =
      format === 'docx'
        ? await (await import('./brief-docx')).briefDocx(input)
        : format === 'pdf'
          ? await this.deps.pdf!(briefHtml(input))
          : Buffer.from(format === 'md' ? briefMarkdown(input) : briefHtml(input), 'utf8')
    return { body, footnotes: brief.cites.length, draft: brief.draft, check: this.checkOf(brief, rows) }
  }

  /** Stores the Markdown exports made since the process last idled in the library now (decision 0059): before the library closes, and for tests. */
  flushStored(): void {
    this.stored.flush()
  }

  /** Writes the brief to `outPath` under the export conflict rule (decision 0015). */
  async export(caseId: string, format: BriefFormat, outPath: string, stylePath?: string, locale: UiLocale = 'en'): Promise<BriefExport> {
    const { body, sha256, footnotes, draft, check } = await this.produce(caseId, format, stylePath, locale)
    const { file, conflictFile } = writeSingleExportFile(this.db, resolve(outPath), body, this.clock(), sha256)
    return { file, conflictFile, format, footnotes, draft, check }
  }

  renderInput(
    caseId: string,
    brief: Brief,
    t: Translate,
    locale: UiLocale,
    style: CslStyle = this.currentStyle(),
    rows: ReadonlyMap<string, HighlightCitedRow> = this.citedRows(brief)
  ): BriefRenderInput {
    const formatter = new CitationFormatter(style, t, cslLocale(locale))
    const notes = this.notesFor(brief.cites, formatter, rows, t)
    const manifest = this.deps.provenance.manifest(caseId)
    return { brief, notes, caseName: manifest.caseName, caseId, generatedAt: manifest.generatedAt, styleTitle: style.title, manifest, t, lang: intlLocale(locale) }
  }

  /** What the Markdown export reads from the library, read as the other formats read it. */
  private library(style: CslStyle, t: Translate, locale: UiLocale): BriefLibrary {
    return {
      // The name alone (the case's listing counts its articles and claims); an unknown case fails as get() says.
      caseName: (caseId) => casesRepo(this.db).idAndName(caseId)?.name ?? this.deps.cases.get(caseId).name,
      notebook: (caseId) => caseNotebookMemo(this.db).read(caseId),
      rows: (ids) => this.passageRows(ids),
      citedIds: (cites) => this.citedIds(cites),
      notes: (cites, rows) => this.notesFor(cites, new CitationFormatter(style, t, cslLocale(locale)), rows, t),
      claimText: (claimId) => this.claimOrNull(claimId)?.text ?? null,
      manifest: (caseId) => this.deps.provenance.manifest(caseId),
      logHead: () => activityLogRepo(this.db).head() ?? null,
      now: () => this.clock()
    }
  }

  /**
   * The style's name and title from the setting's text, read as SettingsStore reads it, without
   * checking the style: a stored style was checked when it was kept.
   */
  private styleIdentity(setting: string | null): { key: string; title: string } {
    const parsed = setting === null ? null : StoredStyle.safeParse(JSON.parse(setting))
    return parsed?.success && parsed.data ? styleIdentity(parsed.data.xml) : bundledStyle()
  }

  private currentStyle(): CslStyle {
    const stored = this.storedStyle()
    return stored ? parseCslStyle(stored.xml, stored.name) : bundledStyle()
  }

  private storedStyle(): { name: string; xml: string } | null {
    return this.settings.get(STYLE_KEY, StoredStyle, null)
  }

  /** One note per cite: a highlight's formatted citation; a claim's text with the citations of its evidence. */
  private notesFor(cites: readonly CiteRef[], formatter: CitationFormatter, rows: ReadonlyMap<string, HighlightCitedRow>, t: Translate): string[] {
    const passages = this.passages([...rows.keys()], rows)
    const wanted: CitedPassage[] = []
    const slot = new Map<string, number>()
    for (const p of passages.values()) {
      slot.set(p.highlightId, wanted.length)
      wanted.push(p)
    }
    const formatted = formatter.format(wanted)
    const noteOf = (highlightId: string) => {
      const i = slot.get(highlightId)
      return i === undefined ? null : formatted[i]!
    }
    return cites.map((cite) => {
      if (cite.kind === 'highlight') return noteOf(cite.highlightId) ?? t('brief:note.highlightGone', { citation: cite.snapshotCitation || t('brief:note.sourceUnknown') })
      const claim = this.claimOrNull(cite.claimId)
      if (!claim) return t('brief:note.claimGone', { text: cite.quoted })
      const byRelation = (relation: string, key: 'brief:note.supportedBy' | 'brief:note.contradictedBy' | 'brief:note.context') => {
        const notes = claim.evidence.filter((e) => e.relation === relation).map((e) => noteOf(e.highlightId)).filter((n): n is string => !!n)
        return notes.length ? ` ${t(key, { notes: notes.join(' ') })}` : ''
      }
      return `${t('brief:note.claim', { status: claim.status })}${byRelation('supports', 'brief:note.supportedBy')}${byRelation('contradicts', 'brief:note.contradictedBy')}${byRelation('context', 'brief:note.context')}`.trim()
    })
  }

  private evidenceIds(claimId: string): string[] {
    return this.claimOrNull(claimId)?.evidence.map((e) => e.highlightId) ?? []
  }

  private claimOrNull(claimId: string) {
    try {
      return this.deps.claims.get(claimId)
    } catch (err) {
      if (err instanceof DossierError && err.code === 'not_found') return null
      throw err
    }
  }

  /** The library's facts about each highlight, read once per article document for pages. */
  private passages(ids: readonly string[], cited: ReadonlyMap<string, HighlightCitedRow>): Map<string, CitedPassage> {
    const rows = [...new Set(ids)].flatMap((id) => {
      const r = cited.get(id)
      return r && !r.deleted_at && !r.article_deleted ? [r] : []
    })
    const locators = new Map<string, ReturnType<typeof locate>>()
    const out = new Map<string, CitedPassage>()
    for (const r of rows) {
      let at = locators.get(r.article_id)
      if (!at) locators.set(r.article_id, (at = locate(r.document)))
      out.set(r.id, {
        highlightId: r.id,
        articleId: r.article_id,
        title: r.title,
        author: r.author,
        source: r.source,
        publishedAt: r.published_at,
        url: r.url,
        importedAt: r.imported_at,
        originalSha256: r.original_sha256,
        reliability: isReliability(r.reliability) ? r.reliability : null,
        credibility: r.credibility,
        page: at.page(r.start),
        chapter: at.chapter(r.start),
        originalType: r.original_type
      })
    }
    return out
  }

  /** The highlights the brief's notes cite: its quotes' and its claims' evidence. */
  private citedIds(cites: readonly CiteRef[]): string[] {
    return cites.flatMap((c) => (c.kind === 'highlight' ? [c.highlightId] : this.evidenceIds(c.claimId)))
  }

  /** The library's rows of every highlight the brief cites, by id. */
  private citedRows(brief: Brief): Map<string, HighlightCitedRow> {
    return this.passageRows(this.citedIds(brief.cites))
  }

  private passageRows(ids: readonly string[]): Map<string, HighlightCitedRow> {
    return new Map((ids.length ? highlightsRepo(this.db).cited(JSON.stringify([...new Set(ids)])) : []).map((r) => [r.id, r]))
  }

  private checkOf(brief: Brief, cited?: ReadonlyMap<string, HighlightCitedRow>): BriefCheck {
    const highlightIds = brief.cites.flatMap((c) => (c.kind === 'highlight' ? [c.highlightId] : []))
    const rows = cited ?? this.passageRows(highlightIds)
    const states = new Map<string, PassageState>()
    for (const id of highlightIds) {
      const r = rows.get(id)
      if (r) states.set(id, { exact: r.exact, orphaned: r.orphaned === 1, deleted: !!r.deleted_at || !!r.article_deleted })
    }
    const claims = new Map<string, { text: string }>()
    for (const c of brief.cites) {
      if (c.kind !== 'claim') continue
      const claim = this.claimOrNull(c.claimId)
      if (claim) claims.set(c.claimId, { text: claim.text })
    }
    return checkBrief(brief, states, claims)
  }

  /**
   * With no brief written: the case's claims, each with its evidence quoted, then every other
   * highlight of the case with its note. Each note sits right after its quote, so the draft
   * passes check mode's citation rule by construction.
   */
  private draft(caseId: string, caseName: string, t: Translate): Brief {
    const blocks: BriefBlock[] = []
    const cites: CiteRef[] = []
    const quoted = new Set<string>()
    const quote = (highlightId: string, text: string, label: string) => {
      cites.push({ kind: 'highlight', highlightId, quoted: text, snapshotCitation: '' })
      blocks.push({ kind: 'quote', quote: text, label, cite: cites.length - 1 })
      quoted.add(highlightId)
    }
    const claims = this.deps.claims.list(caseId)
    if (claims.length) blocks.push({ kind: 'heading', level: 1, text: [{ text: t('brief:draft.claims') }] })
    for (const summary of claims) {
      const claim = this.deps.claims.get(summary.id)
      blocks.push({ kind: 'paragraph', text: [{ text: claim.text, bold: true }, { text: ` ${t('brief:draft.claimStatus', { status: claim.status })}` }] })
      for (const e of claim.evidence) quote(e.highlightId, e.exact, t('brief:draft.relation', { relation: e.relation }))
    }
    const highlights = highlightsRepo(this.db).ofCaseForDraft(caseId)
    const rest = highlights.filter((h) => !quoted.has(h.id))
    if (rest.length) blocks.push({ kind: 'heading', level: 1, text: [{ text: t('brief:draft.highlights') }] })
    for (const h of rest) {
      // A seeded label reads in the brief's language until the analyst renames it (decision 0043).
      quote(h.id, h.exact, h.label_id ? shownLabelName({ id: h.label_id, name: h.label }, t) : h.label)
      if (h.note.trim()) blocks.push({ kind: 'paragraph', text: [{ text: h.note.trim() }] })
    }
    if (!blocks.length) blocks.push({ kind: 'paragraph', text: [{ text: t('brief:draft.empty') }] })
    return { title: t('brief:draft.title', { name: caseName }), blocks, cites, draft: true }
  }
}

/** The export's words by language, for every BriefService of the process. */
const WORDS = new Map<UiLocale, Promise<Translate>>()

/** The CSL locale citeproc formats notes in ("p.", "accessed", month names): the ones citation-js bundles, else US English. */
function cslLocale(locale: UiLocale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-US'
}

/** Page (PDF) and chapter (EPUB) of an offset in an article's document. */
function locate(json: string): { page: (offset: number) => { page: number; label: string | null } | null; chapter: (offset: number) => number | null } {
  let doc: ArticleDocument | null = null
  try {
    doc = json ? (JSON.parse(json) as ArticleDocument) : null
  } catch {
    doc = null
  }
  if (!doc) return { page: () => null, chapter: () => null }
  const page = pageLocator(doc)
  const placed = placeBlocks(doc).filter((p) => p.start !== null && p.block.chapter !== undefined)
  return {
    page,
    chapter: (offset) => {
      let found: number | null = null
      for (const p of placed) {
        if (p.start! <= offset) found = p.block.chapter ?? null
        else break
      }
      return found
    }
  }
}
