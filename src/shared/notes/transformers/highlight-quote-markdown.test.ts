import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { noteFromMarkdown, renderNote } from '../note-markdown'
import { parseQuoteMarkdown, quoteToMarkdown } from './highlight-quote-markdown'

const ID = '3f2a4c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'
const QUOTE = { highlightId: ID, quote: '#icebreakers are *shared*\n\n12.\n-\nsee [the map](x)', label: 'Key fact', citation: 'Harbour Gazette, 2026-03-01' }

describe('a quote node as Markdown', () => {
  it('is a blockquote of the escaped words, a citation, and links to the passage and into Dossier', () => {
    expect(quoteToMarkdown(QUOTE)).toBe(
      [
        '> \\#icebreakers are \\*shared\\*',
        '>',
        '> 12\\.',
        '> \\-',
        '> see \\[the map\\]\\(x\\)',
        '>',
        `> — **Key fact**, Harbour Gazette, 2026-03-01 · [passage](#^h-${ID}) · [open in Dossier](dossier://highlight/${ID})`
      ].join('\n')
    )
  })

  it('reads in a CommonMark parser as one blockquote of paragraphs, with no tag, list or stray link', () => {
    const tokens = new MarkdownIt('commonmark').parse(quoteToMarkdown(QUOTE), {})
    const blocks = tokens.filter((t) => t.block && t.nesting === 1).map((t) => t.type)
    expect(blocks).toEqual(['blockquote_open', 'paragraph_open', 'paragraph_open', 'paragraph_open'])
    const links = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => decodeURI(String(t.attrGet('href'))))
    expect(links).toEqual([`#^h-${ID}`, `dossier://highlight/${ID}`])
  })

  it('leaves out the label when the highlight has none', () => {
    expect(quoteToMarkdown({ ...QUOTE, quote: 'x', label: '' }).split('\n').at(-1)).toMatch(/^> — Harbour Gazette, 2026-03-01 · \[passage\]/)
  })

  it('reads its own Markdown back to the same quote', () => {
    const lines = quoteToMarkdown(QUOTE).split('\n')
    expect(parseQuoteMarkdown(lines, 0)).toEqual({ quote: QUOTE, end: lines.length - 1 })
  })

  it('leaves ordinary blockquotes to the built-in quote', () => {
    expect(parseQuoteMarkdown(['> just a quote', '>', '> — someone'], 0)).toBeNull()
    const note = renderNote(noteFromMarkdown('> Nobody wants to be that port.\n\nAfter.'))
    expect(note.markdown).toBe('> Nobody wants to be that port.\n\nAfter.')
  })

  it('round-trips inside a notebook between other blocks', () => {
    const markdown = `# Assessment\n\n${quoteToMarkdown(QUOTE)}\n\n- [ ] check the date\n- [x] ask the port\n\n---\n\nDone.`
    expect(renderNote(noteFromMarkdown(markdown)).markdown).toBe(markdown)
  })
})
