import { describe, expect, it } from 'vitest'
import { clampTitle, formatOf, titleFromFileName } from './parsed-document'
import { looksLikeMarkdown, parsePlainText } from './plain-text'

describe('parsePlainText', () => {
  it('uses a short first line as the title', () => {
    expect(parsePlainText('  Headline  \n\nBody text.', 'a.txt')).toMatchObject({ title: 'Headline', text: 'Body text.' })
  })

  it('keeps a single paragraph as the text and names the article after the file', () => {
    expect(parsePlainText('Only one line.', 'field-notes_03.txt')).toMatchObject({
      title: 'field notes 03',
      text: 'Only one line.'
    })
  })

  it('cleans the text: metadata and site chrome become removed blocks, not text', () => {
    const doc = parsePlainText('Headline\n\nBy Jane Doe, Staff writer\nDate:\n\nBody text.\n\nSource link\n\nShare post:', 'a.txt')
    expect(doc).toMatchObject({ title: 'Headline', author: 'Jane Doe', text: 'Body text.' })
    expect(doc.document.blocks.map((b) => b.removed?.reason ?? b.kind)).toEqual([
      'title',
      'byline',
      'empty metadata field',
      'paragraph',
      'site chrome: source link',
      'site chrome: share buttons'
    ])
  })

  it('does not take a long first line for a headline', () => {
    const long = 'word '.repeat(60).trim()
    expect(parsePlainText(`${long}\nsecond line`, 'long.txt')).toMatchObject({ title: 'long', text: `${long}\nsecond line` })
  })
})

describe('parsePlainText on text that is Markdown in all but name', () => {
  it('reads its headings, lists and bold as Markdown', () => {
    const doc = parsePlainText('# Island supply outlook\n\n## Background\n\nWinter ferry cuts will reduce sailings by a fifth.\n\n- Shortages are **unlikely** before February.\n', 'notes.txt')
    expect(doc.title).toBe('Island supply outlook')
    expect(doc.document.blocks.filter((b) => !b.removed).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Background'],
      ['paragraph', 'Winter ferry cuts will reduce sailings by a fifth.'],
      ['list-item', 'Shortages are unlikely before February.']
    ])
  })

  it('leaves scraped text with hashtags, or one "#" line alone, to the plain-text cleaner', () => {
    expect(looksLikeMarkdown('Ferry cuts\n\n#Baltic #ferries\n\nOperators cut sailings by a fifth.')).toBe(false)
    expect(looksLikeMarkdown('# 1 in the charts\n\nOperators cut sailings by a fifth.')).toBe(false)
    expect(looksLikeMarkdown('# Outlook\n\nSee [the report](https://example.org/r) for details.')).toBe(true)
  })
})

describe('parsed-document helpers', () => {
  it.each([
    ['a.TXT', 'text'],
    ['a.text', 'text'],
    ['b.md', 'markdown'],
    ['b.Markdown', 'markdown'],
    ['c.htm', 'html'],
    ['c.html', 'html'],
    ['d.pdf', 'pdf'],
    ['d.PDF', 'pdf'],
    ['f.exe', null],
    ['md', null],
    ['e.md.exe', null]
  ])('formatOf(%j) is %j', (name, format) => {
    expect(formatOf(name)).toBe(format)
  })

  it('derives titles from file names and clamps long ones', () => {
    expect(titleFromFileName('C:\\Users\\me\\us-warms_to.txt')).toBe('us warms to')
    expect(titleFromFileName('---.txt')).toBe('Untitled')
    const clamped = clampTitle(`a\n\tb ${'x'.repeat(400)}`)
    expect(clamped).toHaveLength(300)
    expect(clamped.startsWith('a b x')).toBe(true)
    expect(clamped.endsWith('…')).toBe(true)
  })
})
