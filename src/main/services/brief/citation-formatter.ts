import type { CiteprocEngine } from '@citation-js/core'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import CHICAGO_NOTES from '../../../../resources/csl/chicago-notes-bibliography.csl?raw'
import { citeLocator, cslItem, MAX_CSL_BYTES, plainCitation, provenanceNote, type CitedPassage } from '../../../shared/citations/citation'
import { DossierError } from '../../../shared/errors'
import { refuse } from '../../../shared/refusals'
import type { Translate } from '../../../shared/i18n/messages'
import { onFirstUse } from '../../first-use'

const citationJs = onFirstUse<typeof import('@citation-js/core')>('@citation-js/core', () => onFirstUse('@citation-js/plugin-csl')())
const jsdom = onFirstUse<typeof import('jsdom')>('jsdom')
/** citation-js's CSL plugin: its styles, and the engines it builds from them. */
const cslPlugin = () => citationJs().plugins.config.get('@csl')

/** A CSL style, checked: its XML, its title, and a name citation-js caches its engine under. */
export interface CslStyle {
  key: string
  title: string
  xml: string
}

export { MAX_CSL_BYTES }

/** The style bundled with Dossier: Chicago 18th edition, notes and bibliography (CC BY-SA 3.0, resources/csl/README.md). */
export function bundledStyle(): CslStyle {
  // Hashed once: every export asks for it, and its key hashes 240 KB of XML.
  return (bundled ??= styleOf(CHICAGO_NOTES))
}
let bundled: CslStyle | undefined

/**
 * Reads and checks a CSL file the analyst picked. Everything wrong with it is said with the
 * file's name: not readable, too large, not a CSL style, a dependent style (which only points
 * at another), no <citation> layout, or XML the processor cannot build a style from.
 */
export function readCslStyle(path: string): CslStyle {
  const name = basename(path)
  let xml: string
  try {
    if (statSync(path).size > MAX_CSL_BYTES) throw refuse('csl.too_large', { file: name, limitMb: MAX_CSL_BYTES / 1024 / 1024 })
    xml = readFileSync(path, 'utf8')
  } catch (err) {
    if (err instanceof DossierError) throw err
    throw refuse('csl.cannot_read', { file: name, code: (err as NodeJS.ErrnoException).code ?? 'unreadable' })
  }
  return parseCslStyle(xml, name)
}

/**
 * Checks a CSL style's text, whoever sends it (the app's picker, `dossier report --style`, the
 * style kept in the library): a style is an analyst's file from anywhere, so it is read as
 * hostile. Refused, with the file's name: over 2 MB; a DOCTYPE or entity declaration (no CSL
 * style has one, and entity expansion is how a few KB of XML becomes gigabytes); XML that is not
 * well formed; an element outside the CSL namespace (a <script>, an XHTML island) or nesting
 * deeper than any style needs; no <style> root; a dependent style; no <citation> layout; a style
 * the processor cannot print a sample note with. A style that passed is remembered by its hash.
 */
export function parseCslStyle(xml: string, name: string): CslStyle {
  if (Buffer.byteLength(xml, 'utf8') > MAX_CSL_BYTES) throw refuse('csl.too_large', { file: name, limitMb: MAX_CSL_BYTES / 1024 / 1024 })
  const style = styleOf(xml)
  if (CHECKED.has(style.key)) return style
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('csl.doctype', { file: name })
  // Before any parser: a DOM parser recurses on nesting (jsdom ran a minute, then out of stack, on 20,000 levels).
  const depth = tagDepth(xml)
  if (depth === null) throw refuse('csl.stray_lt', { file: name })
  if (depth > MAX_CSL_DEPTH) throw refuse('csl.too_deep', { file: name, limit: MAX_CSL_DEPTH })
  let root: Element
  try {
    root = new (jsdom().JSDOM)(xml, { contentType: 'application/xml' }).window.document.documentElement
  } catch (err) {
    throw refuse('csl.not_xml', { file: name, detail: firstLineOf(err) })
  }
  if (root.localName !== 'style' || root.namespaceURI !== CSL_NS) throw refuse('csl.not_csl', { file: name })
  const foreign = outsideCsl(root)
  if (foreign !== null) throw refuse('csl.foreign_element', { file: name, element: foreign })
  const citation = [...root.children].find((e) => e.localName === 'citation')
  const dependent = [...root.getElementsByTagNameNS(CSL_NS, 'link')].some((l) => l.getAttribute('rel') === 'independent-parent')
  if (dependent && !citation) throw refuse('csl.dependent', { file: name })
  if (!citation) throw refuse('csl.no_citation', { file: name })
  try {
    const csl = cslPlugin()
    if (!csl.styles.has(style.key)) csl.styles.add(style.key, style.xml)
    const sample = csl.engine([cslItem(SAMPLE)], style.key, 'en-US', 'text').makeCitationCluster([{ id: SAMPLE.articleId }])
    if (!sample?.trim() || NO_OUTPUT.test(sample)) throw new Error('it writes no note for a sample article')
  } catch (err) {
    throw refuse('csl.processor', { file: name, detail: firstLineOf(err) })
  }
  CHECKED.add(style.key)
  return style
}

const CSL_NS = 'http://purl.org/net/xbiblio/csl'
/** The deepest CSL styles nest about 15 elements (macros in choose in group); 100 leaves room and keeps the processor's recursion shallow. */
const MAX_CSL_DEPTH = 100
/** Styles already checked in this process, by the hash in their key. */
const CHECKED = new Set<string>()

/** The name of an element from another namespace, which refuses the tree, or null. Walked without recursion. */
function outsideCsl(root: Element): string | null {
  const stack: Element[] = [root]
  while (stack.length) {
    const el = stack.pop()!
    if (el.namespaceURI !== CSL_NS) return el.localName
    stack.push(...el.children)
  }
  return null
}

/** A comment, a processing instruction, CDATA, or a tag with its quoted attributes (a quoted value may hold "/>"). */
const MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)[A-Za-z_][\w.:-]*(?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y

/** The deepest nesting of elements, in one pass over the text; null when a "<" starts no markup (not XML). */
function tagDepth(xml: string): number | null {
  let depth = 0
  let deepest = 0
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', MARKUP.lastIndex)) {
    MARKUP.lastIndex = at
    const m = MARKUP.exec(xml)
    if (!m) return null
    if (m[1]) depth--
    else if (/^<[A-Za-z_]/.test(m[0]) && !m[2]) deepest = Math.max(deepest, ++depth)
  }
  return deepest
}

/** Builds the style's engine now (once per process: citeproc-js parses the whole style), e.g. to time it apart from an export. */
export function loadStyle(style: CslStyle): void {
  const csl = cslPlugin()
  if (!csl.styles.has(style.key)) csl.styles.add(style.key, style.xml)
  csl.engine([], style.key, 'en-US', 'text')
}

/**
 * Turns quoted passages into footnote texts with a CSL style (citation-js over citeproc-js), then
 * adds what no style has a field for (grade, import date, hash). A work cited twice at the same
 * place is formatted once: formatting is the slow part of an export with many quotes.
 */
export class CitationFormatter {
  /**
   * `t` words what no style has a field for (grade, import date, hash) in the export's language;
   * `lang` is the CSL locale the style formats in ("p." or "p.", month names), when the style
   * does not force its own (`default-locale`).
   */
  constructor(
    private readonly style: CslStyle,
    private readonly t: Translate,
    private readonly lang = 'en-US'
  ) {
    const csl = cslPlugin()
    if (!csl.styles.has(style.key)) csl.styles.add(style.key, style.xml)
  }

  get title(): string {
    return this.style.title
  }

  format(passages: readonly CitedPassage[]): string[] {
    const items = new Map(passages.map((p) => [p.articleId, cslItem(p)]))
    const itemJson = new Map([...items].map(([id, item]) => [id, JSON.stringify(item)]))
    // citation-js keeps one engine per style (building it parses the whole style: the slow part
    // of a short export) and hands it these items to look up by id: registering them costs as
    // much as formatting, so it is done only when some note is not formatted yet.
    let engine: CiteprocEngine | null = null
    // The words after the note (grade, import date, hash) once per distinct three: a brief quotes
    // several passages of one article, and each i18next lookup costs more than the rest of the note.
    const provenance = new Map<string, string>()
    return passages.map((p) => {
      const loc = citeLocator(p)
      const key = `${this.style.key}\u0000${this.lang}\u0000${itemJson.get(p.articleId)!}\u0000${loc?.label ?? ''}\u0000${loc?.locator ?? ''}`
      let note = FORMATTED.get(key)
      if (note === undefined) {
        engine ??= cslPlugin().engine([...items.values()], this.style.key, this.lang, 'text')
        const made = engine.makeCitationCluster([{ id: p.articleId, ...(loc ?? {}) }]).trim()
        note = made && !NO_OUTPUT.test(made) ? made : plainCitation(p)
        if (FORMATTED.size >= MAX_FORMATTED) FORMATTED.delete(FORMATTED.keys().next().value!)
        FORMATTED.set(key, note)
      }
      const said = `${p.reliability ?? ''}\u0000${p.credibility ?? ''}\u0000${p.importedAt}\u0000${p.originalSha256 ?? ''}`
      let words = provenance.get(said)
      if (words === undefined) provenance.set(said, (words = provenanceNote(p, this.t)))
      return `${note} ${words}`
    })
  }
}

/** A style's key and title from its text, unchecked: for a style checked when it was kept. */
export function styleIdentity(xml: string): CslStyle {
  return styleOf(xml)
}

function styleOf(xml: string): CslStyle {
  const title = /<title>([^<]*)<\/title>/.exec(xml)?.[1]?.trim() || 'Untitled style'
  return { key: `dossier-${createHash('sha256').update(xml).digest('hex').slice(0, 16)}`, title, xml }
}

/**
 * Notes already formatted, by style, item and place: formatting is the slow part of an export
 * (a few ms a cite), and a brief is exported again and again while it is written. The key holds
 * the whole CSL item, so an edited title or date formats afresh. Oldest dropped first.
 */
const FORMATTED = new Map<string, string>()
const MAX_FORMATTED = 20_000

/** What citeproc-js writes instead of throwing when a style cannot print a reference. */
const NO_OUTPUT = /^\[(?:CSL STYLE ERROR|NO_PRINTED_FORM)/

function firstLineOf(err: unknown): string {
  const text = err instanceof Error && typeof err.message === 'string' ? err.message : 'it stopped on the style’s XML'
  return (text.split('\n', 1)[0] ?? '').trim().replace(/[.]$/, '') || 'unknown error'
}

const SAMPLE: CitedPassage = {
  highlightId: '00000000-0000-4000-8000-000000000000',
  articleId: '00000000-0000-4000-8000-000000000001',
  title: 'Sample article',
  author: 'A. Writer',
  source: 'Sample Gazette',
  publishedAt: '2026-01-01',
  url: 'https://example.org/sample',
  importedAt: '2026-01-02T00:00:00Z',
  originalSha256: null,
  reliability: null,
  credibility: null,
  page: null,
  chapter: null,
  originalType: 'html'
}
