import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { passage } from '../../../shared/citations/test-passage'
import { caughtDossierError } from '../../../../test/support/caught-dossier-error'
import { tempDir } from '../../../../test/support/temp-services'
import { bundledStyle, CitationFormatter, MAX_CSL_BYTES, parseCslStyle, readCslStyle } from './citation-formatter'
import { createI18n, translator, type Translate } from '../../../shared/i18n'

let english: Translate
beforeAll(async () => {
  english = translator(await createI18n('en'))
})

/** A small independent style of our own: "Title (Source) [page]". */
const TINY_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Tiny test style</title><id>tiny</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix="."><text variable="title" prefix="TITLE:"/><text variable="container-title" prefix=" (" suffix=")"/><text variable="locator" prefix=" at "/></layout></citation>
</style>`

describe('footnotes through the CSL processor', () => {
  // The first test builds the Chicago engine (citeproc-js parses 240 KB of XML, once per process): seconds on a loaded machine.
  it('formats a Chicago note with author, title, source, date, page, URL, then grade, import day and hash', { timeout: 60_000 }, () => {
    const [note] = new CitationFormatter(bundledStyle(), english).format([passage({ originalType: 'pdf', page: { page: 12, label: null } })])
    expect(note).toBe(
      'Ana Silva and Tom Ek, “Port Closes after Storm,” in Harbour Gazette, March 1, 2026, 12, https://example.org/port. Grade B2; imported 2026-03-02; SHA-256 abcdef012345.'
    )
    expect(bundledStyle().title).toMatch(/Chicago Manual of Style 18th edition \(notes and bibliography\)/)
  })

  it('accepts the bundled Chicago style through the checks every picked style goes through (a real style is within their limits)', { timeout: 60_000 }, () => {
    expect(parseCslStyle(bundledStyle().xml, 'chicago.csl').key).toBe(bundledStyle().key)
  })

  it('formats two quotes of one article at their own pages', () => {
    const notes = new CitationFormatter(bundledStyle(), english).format([
      passage({ page: { page: 2, label: null }, originalType: 'pdf' }),
      passage({ page: { page: 9, label: null }, originalType: 'pdf' }),
      passage({ page: { page: 2, label: null }, originalType: 'pdf' })
    ])
    expect(notes[0]).toContain(', 2, ')
    expect(notes[1]).toContain(', 9, ')
    expect(notes[2]).toBe(notes[0])
  })

  it('uses a CSL file the analyst picked', () => {
    const file = join(tempDir(), 'tiny.csl')
    writeFileSync(file, TINY_STYLE)
    const style = readCslStyle(file)
    expect(style.title).toBe('Tiny test style')
    const [note] = new CitationFormatter(style, english).format([passage({ originalType: 'pdf', page: { page: 4, label: null } })])
    expect(note).toBe('TITLE:Port closes after storm (Harbour Gazette) at 4. Grade B2; imported 2026-03-02; SHA-256 abcdef012345.')
  })

  it('refuses a bad CSL file with its name and the reason', () => {
    const dir = tempDir()
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    }
    expect(caughtDossierError(() => readCslStyle(write('notes.csl', '<html><body>not a style</body></html>'))).message).toBe(
      'notes.csl: not a CSL style (no <style> element in the CSL namespace).'
    )
    const dependent = TINY_STYLE.replace(/<citation>.*<\/citation>/s, '').replace('<info>', '<info><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>')
    expect(caughtDossierError(() => readCslStyle(write('dependent.csl', dependent))).message).toMatch(/^dependent\.csl: a dependent CSL style/)
    const noCitation = TINY_STYLE.replace(/<citation>.*<\/citation>/s, '')
    expect(caughtDossierError(() => readCslStyle(write('bib-only.csl', noCitation))).message).toBe(
      'bib-only.csl: the style has no <citation> layout, so it cannot write footnotes.'
    )
    const broken = TINY_STYLE.replace(/<layout.*<\/layout>/s, '<layout><text macro="no-such-macro"/></layout>')
    expect(caughtDossierError(() => readCslStyle(write('broken.csl', broken))).message).toBe(
      'broken.csl: the CSL processor cannot use this style: it writes no note for a sample article.'
    )
    const truncated = TINY_STYLE.replace('<text variable="title" prefix="TITLE:"/>', '<text variable="title"/')
    expect(caughtDossierError(() => readCslStyle(write('cut.csl', truncated))).message).toMatch(/^cut\.csl: not well-formed XML \(.+\)\.$/)
    expect(caughtDossierError(() => readCslStyle(join(dir, 'missing.csl'))).message).toBe('missing.csl: cannot read the CSL style (ENOENT).')
  })
})

/** A CSL file is the analyst's file from anywhere: each hostile shape is refused by name, quickly, before the processor sees it. */
describe('hostile CSL files', () => {
  const refused = (xml: string) => {
    const t = performance.now()
    const err = caughtDossierError(() => parseCslStyle(xml, 'evil.csl'))
    return { message: err.message, code: err.code, ms: performance.now() - t }
  }

  it('refuses entity declarations (billion laughs, external entities) without expanding anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE style [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]>${TINY_STYLE.replace(/^<\?xml[^>]*>/, '').replace('TITLE:', '&bbbbbbbbb;')}`
    const external = TINY_STYLE.replace(/^<\?xml[^>]*>/, '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('TITLE:', '&x;')
    for (const xml of [laughs, external]) {
      const r = refused(xml)
      expect(r.message).toBe('evil.csl: a CSL style may not declare a DOCTYPE or entities (no style needs one).')
      expect(r.ms).toBeLessThan(1000)
    }
  })

  it('refuses malformed XML, foreign elements such as <script>, deep nesting and files over 2 MB, each with the reason', () => {
    expect(refused(TINY_STYLE.replace('</citation>', '')).message).toMatch(/^evil\.csl: not well-formed XML \(.+\)\.$/)
    expect(refused(TINY_STYLE.replace('<citation>', '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script><citation>')).message).toBe(
      'evil.csl: the style holds a <script> element, which is not CSL; a style holds CSL elements only.'
    )
    const deep = TINY_STYLE.replace('<layout suffix=".">', `<layout suffix=".">${'<group>'.repeat(20_000)}`).replace('</layout>', `${'</group>'.repeat(20_000)}</layout>`)
    const d = refused(deep)
    expect(d.message).toBe('evil.csl: the style nests deeper than 100 elements.')
    const huge = TINY_STYLE.replace('</info>', `</info><!--${'x'.repeat(MAX_CSL_BYTES)}-->`)
    expect(refused(huge)).toMatchObject({ code: 'too_large', message: 'evil.csl: a CSL style is at most 2 MB.' })
  })

  it('keeps markup in a style’s affixes as text: the note says “<script>” and runs nothing', () => {
    const style = parseCslStyle(TINY_STYLE.replace('prefix="TITLE:"', 'prefix="&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"'), 'affix.csl')
    const [note] = new CitationFormatter(style, english).format([passage({})])
    expect(note).toMatch(/^<script>alert\(1\)<\/script><img src=x onerror=alert\(2\)>Port closes after storm/)
  })
})
