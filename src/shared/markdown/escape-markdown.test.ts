import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { blockquote, escapeMarkdownInline } from './escape-markdown'

/** Strings rich in what Markdown, Obsidian and HTML treat specially. */
const markdownish = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('#', '[', ']', '(', ')', '*', '_', '<', '>', '&', '\\', '`', '!', '|', '~', '-', '+', '=', '.', '1') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '\n', 'a', 'tag', 'amp;', '#35;', 'b>') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) }
  ),
  maxLength: 60
})

/** What a CommonMark reader does with the escapes: a backslash before punctuation, and entities. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|&amp;/g, (whole, punct: string | undefined) => punct ?? '&')
}

describe('escapeMarkdownInline', () => {
  it('escapes what would become tags, links, emphasis or HTML', () => {
    expect(escapeMarkdownInline('#tag [x](y) *em* <b> a&b')).toBe('\\#tag \\[x\\]\\(y\\) \\*em\\* \\<b\\> a&amp;b')
  })

  it('escapes list, heading-underline and numbered-list starts only at the start of a line', () => {
    expect(escapeMarkdownInline('- item\n1. first\n===\nin-line 2. x')).toBe('\\- item\n1\\. first\n\\===\nin-line 2. x')
  })

  it('puts an odd number of backslashes before every # [ * < it emits', () => {
    fc.assert(
      fc.property(markdownish, (raw) => {
        const out = escapeMarkdownInline(raw)
        for (const m of out.matchAll(/(\\*)([#[*<])/g)) expect(m[1]!.length % 2, out).toBe(1)
      }),
      { numRuns: 500 }
    )
  })

  it('reads back as exactly the original text', () => {
    fc.assert(
      fc.property(markdownish, (raw) => {
        expect(unescape(escapeMarkdownInline(raw))).toBe(raw)
      }),
      { numRuns: 500 }
    )
  })
})

describe('escaped lines inside a blockquote', () => {
  const md = new MarkdownIt('commonmark')
  /** The block structure a CommonMark reader sees: anything but the quote and its paragraphs is a leak. */
  const blockTypes = (markdown: string) =>
    md
      .parse(markdown, {})
      .filter((t) => t.block && t.nesting !== -1)
      .map((t) => t.type)
      .filter((t) => !['blockquote_open', 'paragraph_open', 'inline'].includes(t))

  it.each(['-', '12.', '---', '--', '- ', '7. ', '+', '***', '# x', '===', '1)'])('keeps a line that is only %j as text', (line) => {
    expect(blockTypes(blockquote(escapeMarkdownInline(`before\n${line}\nafter`)))).toEqual([])
    expect(blockTypes(blockquote(escapeMarkdownInline(line)))).toEqual([])
  })

  it('never turns article text into lists, rules, headings or HTML', () => {
    const noIndent = markdownish.map((raw) => raw.replace(/^[ \t]+/gm, ''))
    fc.assert(
      fc.property(noIndent, (raw) => {
        expect(blockTypes(blockquote(escapeMarkdownInline(raw)))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })
})

describe('blockquote', () => {
  it('quotes every line, keeping blank lines inside the quote', () => {
    expect(blockquote('one\n\ntwo')).toBe('> one\n>\n> two')
  })

  it('leaves no line of the quote unquoted', () => {
    fc.assert(
      fc.property(markdownish, (raw) => {
        for (const line of blockquote(escapeMarkdownInline(raw)).split('\n')) expect(line).toMatch(/^>( |$)/)
      }),
      { numRuns: 300 }
    )
  })
})
