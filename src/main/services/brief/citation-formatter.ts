import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import CHICAGO_NOTES from '../../../../resources/csl/chicago-notes-bibliography.csl?raw'
import { citeLocator, cslItem, plainCitation, provenanceNote, type CitedPassage } from '../../../shared/citations/citation'
import { DossierError } from '../../../shared/errors'

/** A CSL style, checked: its XML, its title, and a name citation-js caches its engine under. */
export interface CslStyle {
  key: string
  title: string
  xml: string
}

/** The largest CSL file accepted; the biggest styles in the CSL repository are about 250 KB. */
export const MAX_CSL_BYTES = 2 * 1024 * 1024

/** The style bundled with Dossier: Chicago 18th edition, notes and bibliography (CC BY-SA 3.0, resources/csl/README.md). */
export function bundledStyle(): CslStyle {
  return styleOf(CHICAGO_NOTES)
}

/**
 * Reads and checks a CSL file the analyst picked. Everything wrong with it is said with the
 * file's name: not readable, too large, not a CSL style, a dependent style (which only points
 * at another), no <citation> layout, or XML the processor cannot build a style from.
 */
export function readCslStyle(path: string): CslStyle {
  const name = basename(path)
  let xml: string
  try {
    if (statSync(path).size > MAX_CSL_BYTES) throw new DossierError('too_large', `${name}: a CSL style is at most ${MAX_CSL_BYTES / 1024 / 1024} MB.`)
    xml = readFileSync(path, 'utf8')
  } catch (err) {
    if (err instanceof DossierError) throw err
    throw new DossierError('not_found', `${name}: cannot read the CSL style (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}).`)
  }
  return parseCslStyle(xml, name)
}

export function parseCslStyle(xml: string, name: string): CslStyle {
  const bad = (why: string) => new DossierError('invalid_input', `${name}: ${why}`)
  if (!/<style\b[^>]*xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(xml)) {
    throw bad('not a CSL style (no <style> element in the CSL namespace).')
  }
  if (/<link\b[^>]*rel\s*=\s*["']independent-parent["']/.test(xml) && !/<citation\b/.test(xml)) {
    throw bad('a dependent CSL style, which only names its parent; pick the parent style’s file instead.')
  }
  if (!/<citation\b/.test(xml)) throw bad('the style has no <citation> layout, so it cannot write footnotes.')
  const style = styleOf(xml)
  try {
    const csl = plugins.config.get('@csl')
    if (!csl.styles.has(style.key)) csl.styles.add(style.key, style.xml)
    const sample = csl.engine([cslItem(SAMPLE)], style.key, 'en-US', 'text').makeCitationCluster([{ id: SAMPLE.articleId }])
    if (!sample?.trim() || NO_OUTPUT.test(sample)) throw new Error('it writes no note for a sample article')
  } catch (err) {
    throw bad(`the CSL processor cannot use this style: ${firstLineOf(err)}.`)
  }
  return style
}

/**
 * Turns quoted passages into footnote texts with a CSL style (citation-js over citeproc-js), then
 * adds what no style has a field for (grade, import date, hash). A work cited twice at the same
 * place is formatted once: formatting is the slow part of an export with many quotes.
 */
export class CitationFormatter {
  constructor(private readonly style: CslStyle = bundledStyle()) {
    const csl = plugins.config.get('@csl')
    if (!csl.styles.has(style.key)) csl.styles.add(style.key, style.xml)
  }

  get title(): string {
    return this.style.title
  }

  format(passages: readonly CitedPassage[]): string[] {
    const items = new Map(passages.map((p) => [p.articleId, cslItem(p)]))
    // citation-js keeps one engine per style (building it parses the whole style: the slow part
    // of a short export) and hands it these items to look up by id.
    const engine = plugins.config.get('@csl').engine([...items.values()], this.style.key, 'en-US', 'text')
    return passages.map((p) => {
      const loc = citeLocator(p)
      const item = items.get(p.articleId)!
      const key = `${this.style.key}\u0000${JSON.stringify(item)}\u0000${loc?.label ?? ''}\u0000${loc?.locator ?? ''}`
      let note = FORMATTED.get(key)
      if (note === undefined) {
        const made = engine.makeCitationCluster([{ id: p.articleId, ...(loc ?? {}) }]).trim()
        note = made && !NO_OUTPUT.test(made) ? made : plainCitation(p)
        if (FORMATTED.size >= MAX_FORMATTED) FORMATTED.delete(FORMATTED.keys().next().value!)
        FORMATTED.set(key, note)
      }
      return `${note} ${provenanceNote(p)}`
    })
  }
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
