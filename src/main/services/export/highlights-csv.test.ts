import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HighlightAnnotationSource } from '../../../shared/annotations/web-annotation'
import { CSV_COLUMNS, highlightsCsv, inertCell } from './highlights-csv'

const base: HighlightAnnotationSource = {
  id: '00000000-0000-4000-8000-000000000001',
  articleId: '00000000-0000-4000-8000-0000000000a1',
  articleUrl: null,
  articleTitle: 'Harbour pact',
  exact: 'A decision',
  prefix: '',
  suffix: '',
  start: 0,
  end: 10,
  label: 'Key fact',
  tags: [],
  note: null,
  createdAt: '2026-01-01T00:00:00.000Z'
}

/** The file as Python's csv module or LibreOffice reads it: any of CRLF, LF or CR ends a record outside quotes. */
function read(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true)
  // csv-parse would otherwise take the first delimiter it meets (CRLF) as the only one.
  return parse(csv.slice(1), { record_delimiter: ['\r\n', '\n', '\r'] }) as string[][]
}

const FORMULA_START = /^[=+\-@\t\r]/

describe('highlights.csv', () => {
  it('keeps a multi-line note, a quote over two paragraphs and every awkward character inside their cells', () => {
    const awkward = [
      { exact: 'First paragraph.\n\nSecond one.', note: '- one\n- two\n- three' },
      { exact: 'Lone CR\rinside', note: 'Quote "this", and, commas;\ttab' },
      { exact: 'CRLF\r\ninside', note: 'Trailing newline\n' },
      { exact: '"Quoted" start', note: '\n\nleading newlines' },
      { exact: 'Unicode – ünïcödé 漢字 🙂', note: 'Semi;colon|pipe' }
    ]
    const rows = read(highlightsCsv(awkward.map((a, i) => ({ ...base, ...a, id: `00000000-0000-4000-8000-00000000000${i}` }))))
    expect(rows).toHaveLength(awkward.length + 1)
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    rows.slice(1).forEach((row, i) => {
      expect(row[2]).toBe(awkward[i]!.exact)
      expect(row[3]).toBe(inertCell(awkward[i]!.note))
    })
  })

  it('keeps a formula on the second line of a quote or note inside its cell (the probe’s case)', () => {
    const csv = highlightsCsv([
      { ...base, exact: 'The council met.\n\n=cmd|\' /C calc\'!A0', note: 'See below\n=HYPERLINK("http://evil.example","x")' },
      { ...base, exact: '+1 line\n-2 line\n@3 line', note: '\tTabbed\n\rCR', tags: ['=tag', 'other'] }
    ])
    const rows = read(csv)
    expect(rows).toHaveLength(3)
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START)
    expect(rows[1]![2]).toBe("The council met.\n\n=cmd|' /C calc'!A0")
    expect(rows[2]![2]).toBe("'+1 line\n-2 line\n@3 line")
    expect(rows[2]![4]).toBe("'=tag, other")
  })

  it('round-trips any notes, tags and quotes: each cell reads back as written (formulas made inert)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '|', 'é', '🙂', '\u2028') })
    const row = fc.record({ exact: text, note: fc.option(text, { nil: null }), tags: fc.array(text, { maxLength: 3 }), articleTitle: text, label: fc.option(text, { nil: null }) })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (items) => {
        const rows = read(highlightsCsv(items.map((item) => ({ ...base, ...item }))))
        expect(rows).toHaveLength(items.length + 1)
        items.forEach((item, i) => {
          const [title, label, quote, note, tags] = rows[i + 1]!
          expect(title).toBe(inertCell(item.articleTitle))
          expect(label).toBe(inertCell(item.label ?? ''))
          expect(quote).toBe(inertCell(item.exact))
          expect(note).toBe(inertCell(item.note ?? ''))
          expect(tags).toBe(inertCell(item.tags.join(', ')))
        })
        for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START)
      }),
      { numRuns: 300 }
    )
  })
})
