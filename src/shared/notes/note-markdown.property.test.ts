import { $createCodeNode } from '@lexical/code'
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text'
import fc from 'fast-check'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode, type TextFormatType } from 'lexical'
import { describe, expect, it } from 'vitest'
import { $createClaimQuoteNode, type ClaimQuoteSnapshot } from './nodes/ClaimQuoteNode'
import { $createHighlightQuoteNode, type HighlightQuoteSnapshot } from './nodes/HighlightQuoteNode'
import { $createHorizontalRuleNode } from './nodes/HorizontalRuleNode'
import { NOTE_NODES } from './note-nodes'
import { noteFromMarkdown, renderNote } from './note-markdown'

/** Words an analyst types; Markdown syntax typed as text is covered by the quote node's escaping. */
const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,7}[,;?!]?$/)
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '))

type Run = { text: string; format: TextFormatType | null; href: string | null }
const run: fc.Arbitrary<Run> = fc.record({
  text: words,
  format: fc.constantFrom<TextFormatType | null>(null, null, 'bold', 'italic', 'code'),
  href: fc.option(fc.constantFrom('https://example.org/ice', 'https://example.org/a?b=c', 'mailto:desk@example.org'), { freq: 5 })
})
const runs = fc.array(run, { minLength: 1, maxLength: 4 })

/** Markdown and Obsidian syntax that a quoted passage may well contain. */
const articleText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'Port', ' ', ' ', '\n', '\n\n') },
    { weight: 2, arbitrary: fc.constantFrom('#tag', '[x](y)', '*', '**', '_', '`', '<b>', '&amp;', '\\', '-', '12.', '---', '> ', '|', '!', '~', '^h-1', '=') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) }
  ),
  minLength: 1,
  maxLength: 80
})
const quote: fc.Arbitrary<HighlightQuoteSnapshot> = fc.record({
  highlightId: fc.uuid({ version: 4 }),
  quote: articleText.filter((t) => t.trim() !== ''),
  label: fc.constantFrom('', 'Key fact', 'Claim #1', 'Q&A *draft*'),
  citation: fc.constantFrom('Harbour Gazette, 2026-03-01', 'Baltic [Wire], 1 March', 'notes_v2 · 2026')
})

const claim: fc.Arbitrary<ClaimQuoteSnapshot> = fc.record({
  claimId: fc.uuid({ version: 4 }),
  text: articleText.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '' && t.length <= 2000),
  status: fc.constantFrom('unassessed' as const, 'corroborated' as const, 'contested' as const, 'refuted' as const),
  supports: fc.nat(40),
  contradicts: fc.nat(40),
  context: fc.nat(40)
})

type Block =
  | { kind: 'paragraph' | 'quote'; runs: Run[] }
  | { kind: 'heading'; level: 'h1' | 'h2' | 'h3'; runs: Run[] }
  | { kind: 'list'; listType: 'bullet' | 'number' | 'check'; items: { runs: Run[]; checked: boolean }[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'rule' }
  | { kind: 'highlight-quote'; quote: HighlightQuoteSnapshot }
  | { kind: 'claim-quote'; claim: ClaimQuoteSnapshot }

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), runs }),
  fc.record({ kind: fc.constant('quote' as const), runs }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom('h1' as const, 'h2' as const, 'h3' as const), runs }),
  fc.record({
    kind: fc.constant('list' as const),
    listType: fc.constantFrom('bullet' as const, 'number' as const, 'check' as const),
    items: fc.array(fc.record({ runs, checked: fc.boolean() }), { minLength: 1, maxLength: 4 })
  }),
  // Lexical's importer drops blank lines at the very start and end of a fence; inside, all survive.
  fc.record({
    kind: fc.constant('code' as const),
    lines: fc
      .array(fc.stringMatching(/^[ -~]{0,30}$/).filter((l) => !l.includes('```')), { minLength: 1, maxLength: 3 })
      .filter((lines) => lines[0]!.trim() !== '' && lines.at(-1)!.trim() !== '')
  }),
  fc.record({ kind: fc.constant('rule' as const) }),
  fc.record({ kind: fc.constant('highlight-quote' as const), quote }),
  fc.record({ kind: fc.constant('claim-quote' as const), claim })
)

/** Adjacent lists of one type merge in Markdown, so a note never has two in a row. */
const note = fc
  .array(block, { minLength: 1, maxLength: 8 })
  .filter((blocks) => blocks.every((b, i) => i === 0 || !(b.kind === 'list' && blocks[i - 1]!.kind === 'list')))

function $runs(runs: Run[]): LexicalNode[] {
  const nodes: LexicalNode[] = []
  runs.forEach((r, i) => {
    if (i > 0) nodes.push($createTextNode(' '))
    const text = $createTextNode(r.text)
    if (r.format) text.toggleFormat(r.format)
    nodes.push(r.href && r.format !== 'code' ? $createLinkNode(r.href).append(text) : text)
  })
  return nodes
}

function $block(b: Block): LexicalNode {
  switch (b.kind) {
    case 'paragraph':
      return $createParagraphNode().append(...$runs(b.runs))
    case 'quote':
      return $createQuoteNode().append(...$runs(b.runs))
    case 'heading':
      return $createHeadingNode(b.level).append(...$runs(b.runs))
    case 'list':
      return $createListNode(b.listType).append(
        ...b.items.map((item) => $createListItemNode(b.listType === 'check' ? item.checked : undefined).append(...$runs(item.runs)))
      )
    case 'code':
      return $createCodeNode().append($createTextNode(b.lines.join('\n')))
    case 'rule':
      return $createHorizontalRuleNode()
    case 'highlight-quote':
      return $createHighlightQuoteNode(b.quote)
    case 'claim-quote':
      return $createClaimQuoteNode(b.claim)
  }
}

function serialize(blocks: Block[]): string {
  const editor = createHeadlessEditor({
    namespace: 'round-trip',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error
    }
  })
  editor.update(() => $getRoot().clear().append(...blocks.map($block)), { discrete: true })
  return JSON.stringify(editor.getEditorState().toJSON())
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('notes round-trip through Markdown', () => {
  it('Lexical → Markdown → Lexical → Markdown is stable, and the text survives', () => {
    fc.assert(
      fc.property(note, (blocks) => {
        const first = renderNote(serialize(blocks))
        const second = renderNote(noteFromMarkdown(first.markdown))
        expect(second.markdown).toBe(first.markdown)
        expect(squash(second.plainText)).toBe(squash(first.plainText))
      }),
      { numRuns: 300 }
    )
  })
})
