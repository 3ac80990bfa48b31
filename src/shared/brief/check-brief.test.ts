import { describe, expect, it } from 'vitest'
import { notebookState } from './test-notebook'
import { noteFromMarkdown, renderNote } from '../notes/note-markdown'
import { briefFromNotebook } from './brief-document'
import { checkBrief, checkSummary } from './check-brief'

const H1 = '11111111-1111-4111-8111-111111111111'
const H2 = '22222222-2222-4222-8222-222222222222'
const quote = (highlightId: string, words: string) => ({ quote: { highlightId, quote: words, label: '', citation: 'Gazette' } })

describe('check mode', () => {
  it('lists each sentence of a block that stands next to no quote, an uncited key judgement first', () => {
    const brief = briefFromNotebook(
      notebookState([
        { heading: 'Summary' },
        { paragraph: 'Ships waited offshore. The port stayed shut.' },
        quote(H1, 'The port closed.'),
        { paragraph: 'Analysts agree.' },
        { paragraph: 'Prices rose. Dr. Ek agreed.' },
        { keyJudgement: 'We assess a reopening likely.' }
      ]),
      'Brief'
    )
    const check = checkBrief(brief, new Map([[H1, { exact: 'The port closed.', orphaned: false, deleted: false }]]), new Map())
    // The first paragraph precedes the quote and "Analysts agree." follows it: both cited.
    expect(check.uncited.map((u) => [u.blockKind, u.text])).toEqual([
      ['keyJudgement', 'We assess a reopening likely.'],
      ['paragraph', 'Prices rose.'],
      ['paragraph', 'Dr. Ek agreed.']
    ])
    expect(checkSummary(check)).toBe('3 sentences without a citation')
  })

  it('compares words, not spacing; names changed, orphaned and deleted passages', () => {
    const brief = briefFromNotebook(notebookState([quote(H1, 'The port\nclosed.'), quote(H2, 'Ships waited.'), quote(H2, 'Ships waited.')]), 'Brief')
    const same = checkBrief(brief, new Map([[H1, { exact: 'The port closed.', orphaned: false, deleted: false }], [H2, { exact: 'Ships waited.', orphaned: false, deleted: false }]]), new Map())
    expect(same.passages).toEqual([])
    const later = checkBrief(brief, new Map([[H1, { exact: 'The port reopened.', orphaned: false, deleted: false }]]), new Map())
    expect(later.passages.map((p) => [p.cite, p.problem, p.now])).toEqual([
      [0, 'changed', 'The port reopened.'],
      [1, 'deleted', null],
      [2, 'deleted', null]
    ])
    expect(checkSummary(later)).toBe('1 quoted passage changed, 2 quoted passages deleted')
    const orphaned = checkBrief(brief, new Map([[H1, { exact: 'x', orphaned: true, deleted: false }], [H2, { exact: 'Ships waited.', orphaned: false, deleted: true }]]), new Map())
    expect(orphaned.passages.map((p) => p.problem)).toEqual(['orphaned', 'deleted', 'deleted'])
  })

  it('reads headings, key judgements, quotes and footnote order from the notebook', () => {
    const brief = briefFromNotebook(notebookState([{ heading: 'A' }, quote(H2, 'Second.'), { keyJudgement: 'KJ' }, quote(H1, 'First.')]), 'T')
    expect(brief.blocks.map((b) => b.kind)).toEqual(['heading', 'quote', 'keyJudgement', 'quote'])
    expect(brief.cites.map((c) => (c.kind === 'highlight' ? c.highlightId : c.claimId))).toEqual([H2, H1])
  })
})

describe('key judgements in note Markdown', () => {
  it('export as **Key judgement:** and come back as the same block', () => {
    const state = notebookState([{ keyJudgement: 'We assess it likely.' }])
    const { markdown } = renderNote(state)
    expect(markdown).toBe('**Key judgement:** We assess it likely.')
    const back = JSON.parse(noteFromMarkdown(markdown)) as { root: { children: { type: string }[] } }
    expect(back.root.children.map((c) => c.type)).toEqual(['dossier-key-judgement'])
    expect(renderNote(noteFromMarkdown(markdown)).markdown).toBe(markdown)
  })
})
