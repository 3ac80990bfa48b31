import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { passage } from '../../../shared/citations/test-passage'
import { caughtDossierError } from '../../../../test/support/caught-dossier-error'
import { tempDir } from '../../../../test/support/temp-services'
import { bundledStyle, CitationFormatter, readCslStyle } from './citation-formatter'

/** A small independent style of our own: "Title (Source) [page]". */
const TINY_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Tiny test style</title><id>tiny</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix="."><text variable="title" prefix="TITLE:"/><text variable="container-title" prefix=" (" suffix=")"/><text variable="locator" prefix=" at "/></layout></citation>
</style>`

describe('footnotes through the CSL processor', () => {
  it('formats a Chicago note with author, title, source, date, page, URL, then grade, import day and hash', () => {
    const [note] = new CitationFormatter(bundledStyle()).format([passage({ originalType: 'pdf', page: { page: 12, label: null } })])
    expect(note).toBe(
      'Ana Silva and Tom Ek, “Port Closes after Storm,” in Harbour Gazette, March 1, 2026, 12, https://example.org/port. Grade B2; imported 2026-03-02; SHA-256 abcdef012345.'
    )
    expect(bundledStyle().title).toMatch(/Chicago Manual of Style 18th edition \(notes and bibliography\)/)
  })

  it('formats two quotes of one article at their own pages', () => {
    const notes = new CitationFormatter().format([
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
    const [note] = new CitationFormatter(style).format([passage({ originalType: 'pdf', page: { page: 4, label: null } })])
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
    expect(caughtDossierError(() => readCslStyle(write('cut.csl', truncated))).message).toMatch(/^cut\.csl: the CSL processor cannot use this style: ./)
    expect(caughtDossierError(() => readCslStyle(join(dir, 'missing.csl'))).message).toBe('missing.csl: cannot read the CSL style (ENOENT).')
  })
})
