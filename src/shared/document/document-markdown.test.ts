import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../import/markdown-text'
import { canonicalText } from '../text/canonical-text'
import type { ArticleDocument, Block, InlineMark } from './article-document'
import { documentToMarkdown } from './document-markdown'
import { tidy, type InlineText } from './inline-text'

const doc = (...blocks: Block[]): ArticleDocument => ({ version: 1, blocks })

/** The body as the importer reads it back; front matter keeps a leading heading from becoming the title. */
function readBack(md: string): Block[] {
  return parseMarkdown(`---\ntitle: Round trip\n---\n${md}`, 'r.md').document.blocks
}

/** markdown-it with raw HTML on, as GitHub-like renderers have it: the export must still yield none. */
const htmlAware = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough'])
function htmlTokens(md: string): string[] {
  const found: string[] = []
  for (const t of htmlAware.parse(md, {})) {
    if (t.type === 'html_block') found.push(t.content)
    for (const c of t.children ?? []) if (c.type === 'html_inline') found.push(c.content)
  }
  return found
}

describe('documentToMarkdown', () => {
  it('writes each kind of block', () => {
    const md = documentToMarkdown(
      doc(
        { kind: 'heading', level: 2, text: 'Talks resume' },
        { kind: 'paragraph', text: 'Ports met on Tuesday, see the report.', marks: [{ type: 'strong', start: 13, end: 20 }, { type: 'link', start: 30, end: 36, href: 'https://e.org/r' }] },
        { kind: 'list-item', level: 0, ordered: true, text: 'First' },
        { kind: 'list-item', level: 1, ordered: false, text: 'Nested' },
        { kind: 'list-item', level: 0, ordered: true, text: 'Second' },
        { kind: 'blockquote', text: 'Nobody wants to be that port.' },
        { kind: 'code', text: 'let x = 1\n  y()' },
        { kind: 'table', text: 'Port\tShips\nRiga\t4' },
        { kind: 'caption', text: 'Ice off Riga, 2025.' },
        { kind: 'editorial', text: 'Why We Wrote This' },
        { kind: 'editorial', text: 'Because winter is coming.' },
        { kind: 'paragraph', text: 'Removed chrome.', removed: { reason: 'site chrome: share buttons' } }
      )
    )
    expect(md).toBe(
      [
        '## Talks resume',
        '',
        'Ports met on **Tuesday**, see the [report](https://e.org/r).',
        '',
        '1. First',
        '   - Nested',
        '2. Second',
        '',
        '> Nobody wants to be that port.',
        '',
        '```',
        'let x = 1',
        '  y()',
        '```',
        '',
        '| Port | Ships |',
        '| --- | --- |',
        '| Riga | 4 |',
        '',
        '*Ice off Riga, 2025.*',
        '',
        '> **Why We Wrote This**',
        '>',
        '> Because winter is coming.',
        ''
      ].join('\n')
    )
  })

  it('keeps article text literal: no markup, tags, math or HTML springs from it', () => {
    const text = '# not a heading <b>bold</b> *x* [l](javascript:alert(1)) #tag $5 %%c%% ==h== [[w]] @doe :smile: a--b &amp; |'
    const md = documentToMarkdown(doc({ kind: 'paragraph', text }, { kind: 'list-item', level: 0, text: '1. not a nested list' }, { kind: 'paragraph', text: '---' }))
    expect(htmlTokens(md)).toEqual([])
    expect(readBack(md).map((b) => [b.kind, b.text, b.marks ?? []])).toEqual([
      ['paragraph', text, []],
      ['list-item', '1. not a nested list', []],
      ['paragraph', '---', []]
    ])
  })

  it('writes only http(s) and mailto links; other targets leave plain text', () => {
    const md = documentToMarkdown(
      doc({
        kind: 'paragraph',
        text: 'one two three',
        marks: [
          { type: 'link', start: 0, end: 3, href: 'javascript:alert(1)' },
          { type: 'link', start: 4, end: 7, href: 'mailto:desk@example.org' },
          { type: 'link', start: 8, end: 13, href: 'https://en.wikipedia.org/wiki/Ice_(disambiguation)' }
        ]
      })
    )
    expect(md).not.toContain('javascript')
    expect(readBack(md)[0]!.marks).toEqual([
      { type: 'link', start: 4, end: 7, href: 'mailto:desk@example.org' },
      { type: 'link', start: 8, end: 13, href: 'https://en.wikipedia.org/wiki/Ice_(disambiguation)' }
    ])
  })

  it('drops emphasis CommonMark could not read rather than leave stray asterisks', () => {
    // "*" cannot open between a letter and "(": the text must still come back exactly.
    const block: Block = { kind: 'paragraph', text: 'a(b) c', marks: [{ type: 'em', start: 1, end: 4 }] }
    const back = readBack(documentToMarkdown(doc(block)))[0]!
    expect(back.text).toBe('a(b) c')
  })

  it('uses a fence longer than any backtick run in the code', () => {
    const md = documentToMarkdown(doc({ kind: 'code', text: 'a ``` b' }))
    expect(md.startsWith('````\n')).toBe(true)
    expect(readBack(md)).toEqual([{ kind: 'code', text: 'a ``` b' }])
  })
})

// ---- round trip ---------------------------------------------------------------------------

const WORDS = ['ice', 'port', 'Riga', 'pact', '#tag', '*', '_', '`', '[x]', '(y)', '<b>', '&amp;', '1.', '-', '+', '>', '|', '$', '%', '=', '@', ':', '!', '\\', '~', 'é', 'ﬁ', '“q”', '😀', '{', '}', '^', '#']

/** Canonical inline text: words from a hostile vocabulary, single spaces, optional line breaks. */
const inlineText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '\n')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([w, sep], k) => (k === 0 ? w : sep + w)).join(''))

/** Random marks; one link target per block, since Markdown cannot nest or overlap two links. */
const withMarks = (text: string) =>
  fc
    .tuple(
      fc.array(fc.record({ type: fc.constantFrom<InlineMark['type']>('em', 'strong', 'code', 'link'), a: fc.nat(text.length), b: fc.nat(text.length) }), { maxLength: 3 }),
      fc.constantFrom('https://example.org/a', 'http://e.org/b(c)', 'mailto:x@example.org')
    )
    .map(([raw, href]) => tidy({ text, marks: raw.map(({ type, a, b }) => (type === 'link' ? { type, start: Math.min(a, b), end: Math.max(a, b), href } : { type, start: Math.min(a, b), end: Math.max(a, b) })) }))

const block: fc.Arbitrary<Block> = fc.oneof(
  inlineText.chain(withMarks).map((t): Block => ({ kind: 'paragraph', text: t.text, marks: t.marks })),
  inlineText.chain(withMarks).map((t): Block => ({ kind: 'blockquote', text: t.text, marks: t.marks })),
  fc.tuple(inlineText.map((t) => t.replace(/\n/g, ' ')).chain(withMarks), fc.integer({ min: 1, max: 6 })).map(([t, level]): Block => ({ kind: 'heading', level, text: t.text, marks: t.marks })),
  fc.tuple(inlineText.chain(withMarks), fc.integer({ min: 0, max: 2 }), fc.boolean()).map(([t, level, ordered]): Block => ({ kind: 'list-item', level, ordered, text: t.text, marks: t.marks })),
  fc.array(fc.constantFrom('let x = 1', '  if (a < b) {', '<script>', '```', '    }', 'x\ty'), { minLength: 1, maxLength: 4 }).map((lines): Block => ({ kind: 'code', text: lines.join('\n').trimStart() }))
)

/** A list item may be at most one level below the item before it, as in any real list. */
function plausible(blocks: Block[]): Block[] {
  let prev = -1
  return blocks.map((b) => {
    if (b.kind !== 'list-item') {
      prev = -1
      return b
    }
    const level = Math.min(b.level ?? 0, prev + 1)
    prev = level
    return { ...b, level }
  })
}

/** What must survive: kind, text, level and numbering of list items and headings, the marks. */
function shape(b: Block) {
  return {
    kind: b.kind,
    text: b.text,
    level: b.kind === 'heading' || b.kind === 'list-item' ? b.level : undefined,
    ordered: b.kind === 'list-item' ? (b.ordered ?? false) : undefined
  }
}

describe('documentToMarkdown → parseMarkdown round trip', () => {
  it('gives back the same blocks and texts, and never HTML', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }).map(plausible), (blocks) => {
        const md = documentToMarkdown(doc(...blocks))
        expect(htmlTokens(md)).toEqual([])
        const back = readBack(md)
        // Consecutive quotes, or items of two lists, read back as written: one block each.
        expect(back.map(shape)).toEqual(blocks.map(shape))
        for (const b of back) expect(canonicalText(b.text)).toBe(b.text)
      }),
      { numRuns: 400 }
    )
  })

  /** A paragraph of `t` written as Markdown and read back: the same text, the same marks. */
  const comesBackExactly = (t: InlineText) => {
    const back = readBack(documentToMarkdown(doc({ kind: 'paragraph', text: t.text, marks: t.marks })))
    expect(back).toHaveLength(1)
    expect(back[0]!.text).toBe(t.text)
    expect(back[0]!.marks ?? []).toEqual(t.marks)
  }

  it('keeps marks that cover whole words exactly', () => {
    const word = fc.constantFrom('ice', 'port', 'Riga', 'pact', 'é', '42')
    const marked = fc.array(fc.tuple(word, fc.constantFrom<InlineMark['type'] | null>(null, 'em', 'strong', 'code', 'link')), { minLength: 1, maxLength: 8 }).map((words) => {
      let text = ''
      const marks: InlineMark[] = []
      for (const [w, type] of words) {
        if (text) text += ' '
        if (type) marks.push(type === 'link' ? { type, start: text.length, end: text.length + w.length, href: 'https://example.org/x' } : { type, start: text.length, end: text.length + w.length })
        text += w
      }
      return tidy({ text, marks })
    })
    fc.assert(
      fc.property(marked, comesBackExactly),
      { numRuns: 300 }
    )
  })

  it('keeps emphasis, strong and links that start and end on a letter or digit exactly, whatever stands around them', () => {
    const word = fc.constantFrom('ice', 'Riga', 'é', '42', 'x1', 'naïve', 'a*b', 'don’t', 'ÉTAT')
    const gap = fc.constantFrom(' ', '', '*', '_', '(', ') ', '. ', ', “', '” ', '\n', ' — ', '[', ']', '!', '`', '#', '1. ')
    const href = fc.constantFrom('https://example.org/a', 'http://e.org/b(c)', 'mailto:x@example.org', 'https://e.org/a_b*c')
    const marked = fc.array(fc.tuple(gap, word, fc.constantFrom<InlineMark['type'] | null>(null, 'em', 'strong', 'link'), href), { minLength: 1, maxLength: 8 }).map((parts) => {
      // A paragraph's first line starts with a word (Markdown drops leading spaces).
      let text = 'Port'
      let lastEnd = -1
      const marks: InlineMark[] = []
      for (const [g, w, type, target] of parts) {
        text += g
        const start = text.length
        text += w
        // Marks never touch: a marked word right after another keeps its text and loses its mark.
        if (!type || start <= lastEnd) continue
        marks.push(type === 'link' ? { type, start, end: text.length, href: target } : { type, start, end: text.length })
        lastEnd = text.length
      }
      return tidy({ text, marks })
    })
    fc.assert(
      fc.property(marked, comesBackExactly),
      { numRuns: 500 }
    )
  })

  it('keeps every mark it writes, exactly, when the text allows it', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }).map(plausible), (blocks) => {
        const back = readBack(documentToMarkdown(doc(...blocks)))
        back.forEach((b, k) => {
          // Marks may be dropped (see "drops emphasis…") but never invented or moved.
          const want = (blocks[k]!.marks ?? []).map((m) => JSON.stringify({ ...m, href: m.href ?? null }))
          for (const m of b.marks ?? []) expect(want).toContain(JSON.stringify({ ...m, href: m.href ?? null }))
        })
      }),
      { numRuns: 300 }
    )
  })
})
