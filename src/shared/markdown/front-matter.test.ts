import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { frontMatter, type FrontMatterFields } from './front-matter'

function readBack(markdown: string): unknown {
  const match = /^---\n([\s\S]*)---\n$/.exec(markdown)
  if (!match) throw new Error(`not a front matter block:\n${markdown}`)
  return parse(match[1]!)
}

const yamlish = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(':', ' ', '#', '-', '---', '"', "'", '\\', '\n', '\t', '\r', '\u2028', '\u0085', '\ufeff', '{', '[', '&', '*', '!', '%', '@', '`', '|', '>') },
    { weight: 2, arbitrary: fc.constantFrom('yes', 'no', 'null', '~', '1', '0x1F', '1e3', '2026-11-03', 'true') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) }
  ),
  maxLength: 40
})

const fields: fc.Arbitrary<FrontMatterFields> = fc.record({
  title: yamlish,
  author: fc.option(yamlish),
  source: fc.option(yamlish),
  url: fc.option(yamlish),
  published: fc.option(yamlish),
  imported: fc.constant('2026-11-03T08:00:00.000Z'),
  tags: fc.array(yamlish, { maxLength: 4 }),
  dossier_id: fc.uuid(),
  dossier_url: fc.uuid().map((id) => `dossier://article/${id}`)
})

describe('frontMatter', () => {
  it('writes strings quoted, so titles like "No: yes" and "#1" stay strings', () => {
    const text = frontMatter({
      title: 'No: yes',
      author: '#1',
      source: null,
      url: '',
      published: '2026',
      imported: '2026-11-03T08:00:00.000Z',
      tags: ['true', 'null'],
      dossier_id: '0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b',
      dossier_url: 'dossier://article/0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b'
    })
    expect(readBack(text)).toEqual({
      title: 'No: yes',
      author: '#1',
      published: '2026',
      imported: '2026-11-03T08:00:00.000Z',
      tags: ['true', 'null'],
      dossier_id: '0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b',
      dossier_url: 'dossier://article/0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b'
    })
    expect(text).not.toMatch(/^source:/m)
    expect(text).not.toMatch(/^url:/m)
  })

  it('reads back as exactly the fields it was given, leaving out empty ones', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const expected = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== ''))
        expect(readBack(frontMatter(f))).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('holds no line that could close the block early', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const inner = frontMatter(f).split('\n').slice(1, -2)
        for (const line of inner) expect(line).not.toMatch(/^(---|\.\.\.)\s*$/)
      }),
      { numRuns: 300 }
    )
  })
})
