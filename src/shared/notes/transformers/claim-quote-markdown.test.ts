import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { $getRoot } from 'lexical'
import { createHeadlessEditor } from '@lexical/headless'
import { noteFromMarkdown, renderNote } from '../note-markdown'
import { NOTE_NODES } from '../note-nodes'
import { $createClaimQuoteNode, $isClaimQuoteNode, type ClaimQuoteSnapshot } from '../nodes/ClaimQuoteNode'
import { claimQuoteToMarkdown, parseClaimQuoteMarkdown } from './claim-quote-markdown'

const ID = '3f2a4c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'
const CLAIM: ClaimQuoteSnapshot = { claimId: ID, text: 'Armed groups earn *revenue* from #gold [sic]', status: 'contested', supports: 3, contradicts: 1, context: 0 }

function notebookWith(claim: ClaimQuoteSnapshot): string {
  const editor = createHeadlessEditor({ namespace: 'claim-quote', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
  editor.update(() => $getRoot().clear().append($createClaimQuoteNode(claim)), { discrete: true })
  return JSON.stringify(editor.getEditorState().toJSON())
}

describe('a claim quote as Markdown', () => {
  it('is a blockquote of the escaped statement, its status and evidence counts, and the claim id', () => {
    expect(claimQuoteToMarkdown(CLAIM)).toBe(
      ['> **Claim:** Armed groups earn \\*revenue\\* from \\#gold \\[sic\\]', '>', `> — Contested · 3 supporting · 1 contradicting · 0 context · claim ${ID}`].join('\n')
    )
    const tokens = new MarkdownIt('commonmark').parse(claimQuoteToMarkdown(CLAIM), {})
    expect(tokens.filter((t) => t.block && t.nesting === 1).map((t) => t.type)).toEqual(['blockquote_open', 'paragraph_open', 'paragraph_open'])
    expect(tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open')).toEqual([])
  })

  it('survives a notebook exported to Markdown and read back, beside ordinary quotes', () => {
    const exported = renderNote(notebookWith(CLAIM)).markdown
    expect(exported).toContain('> **Claim:** Armed groups earn')
    const back = noteFromMarkdown(`${exported}\n\n> An ordinary quote\n>\n> — not a claim`)
    const editor = createHeadlessEditor({ namespace: 'claim-quote', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
    editor.setEditorState(editor.parseEditorState(back))
    editor.getEditorState().read(() => {
      const [first, second] = $getRoot().getChildren()
      expect($isClaimQuoteNode(first) && first.getSnapshot()).toEqual(CLAIM)
      expect(second?.getType()).toBe('quote')
    })
    expect(renderNote(back).markdown.startsWith(exported)).toBe(true)
    expect(renderNote(back).plainText).toContain('Claim (Contested): Armed groups earn *revenue* from #gold [sic]')
  })

  it('hands on a blockquote that only looks like one (no id, a fourth line, an unknown status)', () => {
    const lines = claimQuoteToMarkdown(CLAIM).split('\n')
    expect(parseClaimQuoteMarkdown(lines, 0)).toEqual({ claim: CLAIM, end: 2 })
    expect(parseClaimQuoteMarkdown([...lines, '> more'], 0)).toBeNull()
    expect(parseClaimQuoteMarkdown([lines[0]!, lines[1]!, lines[2]!.replace('Contested', 'Proven')], 0)).toBeNull()
    expect(parseClaimQuoteMarkdown([lines[0]!, lines[1]!, lines[2]!.replace(/claim .*$/, 'claim 12')], 0)).toBeNull()
  })

  it('refuses a saved node without its claim id or statement, naming the field', () => {
    const editor = createHeadlessEditor({ namespace: 'claim-quote', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
    const saved = JSON.parse(notebookWith(CLAIM)) as { root: { children: Record<string, unknown>[] } }
    saved.root.children[0]!.claimId = 'not-an-id'
    expect(() => editor.parseEditorState(JSON.stringify(saved))).toThrow(/claim quote has a bad claimId/)
  })
})
