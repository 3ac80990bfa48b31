import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { blockquote, escapeMarkdownInline, tidyLines } from './escape-markdown'
import { inlineText, markdownReader } from './markdown-parse'

/** Strings rich in what Markdown, Obsidian and HTML treat specially. */
const markdownish = fc.string({
  unit: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('#', '[', ']', '(', ')', '*', '_', '<', '>', '&', '\\', '`', '!', '|', '~', '-', '+', '=', '.', '1', '12.', '$', '^', '%%', '==', ':', '"', '{', '}')
    },
    { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', 'a', 'tag', 'amp;', '#35;', 'b>', 'http://x.example', '[[x]]', '---', '***', '```', '~~~') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) }
  ),
  maxLength: 60
})

/** What a CommonMark reader does with the escapes: a backslash before punctuation, and entities. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|&amp;/g, (whole, punct: string | undefined) => punct ?? '&')
}

describe('escapeMarkdownInline', () => {
  it('escapes what would become tags, links, emphasis, math, comments or HTML', () => {
    expect(escapeMarkdownInline('#tag [x](y) *em* <b> a&b $5 %%c%% ==h==')).toBe(
      '\\#tag \\[x\\]\\(y\\) \\*em\\* \\<b\\> a&amp;b \\$5 \\%%c\\%% \\==h\\=='
    )
  })

  it('escapes list, rule and heading-underline starts only at the start of a line', () => {
    expect(escapeMarkdownInline('- item\n1. first\n12.\n-\n---\n===\nin-line 2. x')).toBe(
      '\\- item\n1\\. first\n12\\.\n\\-\n\\---\n\\=\\==\nin-line 2. x'
    )
  })

  it('reads back as exactly the original text', () => {
    fc.assert(
      fc.property(markdownish, (raw) => {
        expect(unescape(escapeMarkdownInline(raw))).toBe(raw)
      }),
      { numRuns: 300 }
    )
  })

  it('survives a real CommonMark parser as literal text inside a quote: no list, heading, code, link, emphasis or HTML', () => {
    fc.assert(
      fc.property(markdownish, (raw) => {
        const tidy = tidyLines(raw)
        const tokens = markdownReader.parse(blockquote(escapeMarkdownInline(tidy)), {})
        const blocks = tokens.filter((t) => t.type !== 'inline').map((t) => t.type)
        const paragraphs = tidy === '' ? [] : tidy.split('\n\n')
        expect(blocks).toEqual([
          'blockquote_open',
          ...paragraphs.flatMap(() => ['paragraph_open', 'paragraph_close']),
          'blockquote_close'
        ])
        const inlines = tokens.filter((t) => t.type === 'inline')
        for (const inline of inlines) {
          for (const child of inline.children ?? []) expect(['text', 'softbreak'], `${child.type} in ${JSON.stringify(raw)}`).toContain(child.type)
        }
        expect(inlines.map(inlineText)).toEqual(paragraphs)
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
        for (const line of blockquote(escapeMarkdownInline(tidyLines(raw))).split('\n')) expect(line).toMatch(/^>( |$)/)
      }),
      { numRuns: 200 }
    )
  })
})
