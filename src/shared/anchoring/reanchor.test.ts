import { describe, expect, it } from 'vitest'
import { reanchor, reanchorAll, THRESHOLDS, type AnchorSelector, type ReanchorResult } from './reanchor'
import { quoteSelector } from './text-quote-selector'

/** The selector a highlight of `quote` (its `nth` occurrence) stores in `text`. */
function select(text: string, quote: string, nth = 0): AnchorSelector {
  let start = -1
  for (let k = 0; k <= nth; k++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`no ${quote} in text`)
  return { ...quoteSelector(text, start, start + quote.length), start, end: start + quote.length }
}

const placed = (r: ReanchorResult, text: string) => (r.status === 'anchored' ? text.slice(r.start, r.end) : null)

/** Deterministic filler prose: distinct sentences with numbers, so no phrase recurs by accident. */
function prose(sentences: number, seed = 1): string {
  const words = ['port', 'ministry', 'winter', 'ferries', 'council', 'budget', 'talks', 'grain', 'tanker', 'crew', 'analysts', 'said', 'would', 'the', 'of', 'in', 'schedule', 'quay']
  // mulberry32: integer arithmetic only, so the sequence does not fall into a short cycle.
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return Array.from({ length: sentences }, (_, i) => {
    const n = 8 + (next() % 10)
    const body = Array.from({ length: n }, () => words[next() % words.length]).join(' ')
    return `Item ${i} ${body} ${next() % 100000}.`
  }).join(' ')
}

const ARTICLE = [
  'The harbour froze early this winter.',
  'Officials said the ferries would keep running on the old schedule until the ice broke up in March.',
  'Analysts doubt it: the fleet is old, the crews are thin, and the insurer has raised its premium twice.',
  'The ministry declined to comment on the report.'
].join('\n\n')

describe('stage 1: the stored position', () => {
  it('keeps a highlight whose quote and context are still there, with confidence 1', () => {
    const sel = select(ARTICLE, 'the ferries would keep running')
    expect(reanchor(ARTICLE, sel)).toEqual({ status: 'anchored', start: sel.start, end: sel.end, confidence: 1, method: 'position', needsReview: false })
  })

  it('keeps it after an edit beyond its context', () => {
    const sel = select(ARTICLE, 'the ferries would keep running')
    const edited = ARTICLE.replace('declined to comment on', 'did not comment on')
    expect(reanchor(edited, sel)).toMatchObject({ status: 'anchored', start: sel.start, method: 'position', confidence: 1 })
  })
})

describe('stage 2: the exact quote', () => {
  it('follows the quote when text before it changes', () => {
    const sel = select(ARTICLE, 'the crews are thin')
    const edited = `Breaking: ${ARTICLE}`
    const r = reanchor(edited, sel)
    expect(r).toMatchObject({ status: 'anchored', method: 'exact', needsReview: false })
    expect(placed(r, edited)).toBe('the crews are thin')
    expect(r.status === 'anchored' && r.start).toBe(sel.start + 'Breaking: '.length)
    expect(r.confidence).toBeGreaterThanOrEqual(0.9)
  })

  it('chooses among repeats the occurrence whose context matches', () => {
    const text = [
      'In Riga the ministry said on Monday that talks had stalled.',
      'In Tallinn the ministry said on Monday that ferries would run.',
      'In Vilnius the ministry said on Monday that the budget was cut.'
    ].join(' ')
    const sel = select(text, 'the ministry said on Monday', 1)
    const edited = `Summary first. ${text.replace('talks had stalled', 'talks had stalled again')}`
    const r = reanchor(edited, sel)
    expect(r).toMatchObject({ status: 'anchored', method: 'exact', needsReview: false })
    expect(r.status === 'anchored' && edited.slice(r.start - 11, r.start)).toBe('In Tallinn ')
  })

  it('asks for review when repeats cannot be told apart by their context', () => {
    const paragraph = 'The ministry declined to comment on the report, a spokesman said on Friday.'
    const text = `${paragraph}\n\n${prose(3)}\n\n${paragraph}`
    const sel = select(text, 'declined to comment', 1)
    // The highlighted copy loses its whole context; the other copy keeps its own, which is the same.
    const edited = `${paragraph}\n\n${prose(3)}\n\nNew. It declined to comment at all.`
    const r = reanchor(edited, sel)
    expect(r.status === 'anchored' && r.needsReview).toBe(true)
    expect(r.confidence).toBeLessThan(0.9)
  })

  it('asks for review when only one side of the context is left', () => {
    const sel = select(ARTICLE, 'the crews are thin')
    const edited = ARTICLE.replace('the fleet is old, ', 'the vessels, built in the seventies and rarely repaired, are old; ')
    const r = reanchor(edited, sel)
    expect(placed(r, edited)).toBe('the crews are thin')
    expect(r.needsReview).toBe(true)
  })
})

describe('stage 3: an approximate match', () => {
  it('finds a quote with a word changed where its context still is, without review', () => {
    const quote = 'the ferries would keep running on the old schedule'
    const sel = select(ARTICLE, quote)
    const edited = `Update: ${ARTICLE.replace('keep running', 'keep sailing')}`
    const r = reanchor(edited, sel)
    expect(r).toMatchObject({ status: 'anchored', method: 'approximate', needsReview: false })
    expect(placed(r, edited)).toBe('the ferries would keep sailing on the old schedule')
  })

  it('finds an edited quote even when an exact copy of it stands elsewhere', () => {
    const quote = 'ferries would keep running'
    const text = `${ARTICLE}\n\nA reader asked whether the ferries would keep running, and nobody knew.`
    const sel = select(text, quote, 0)
    const edited = text.replace('the ferries would keep running on', 'the ferries would keep runnng on')
    const r = reanchor(edited, sel)
    expect(placed(r, edited)).toBe('ferries would keep runnng')
  })

  it('finds an edited quote that moved far, by the pieces of it still intact', () => {
    const quote = 'Analysts doubt it: the fleet is old, the crews are thin, and the insurer has raised its premium twice.'
    const filler = prose(400)
    const text = `${quote}\n\n${filler}`
    const sel = select(text, quote)
    // The paragraph moves to the end, a word in it changes, and so does all its context.
    const edited = `${filler}\n\n${quote.replace('thin', 'few')}`
    const r = reanchor(edited, sel)
    expect(r.status).toBe('anchored')
    expect(placed(r, edited)).toContain('the crews are few')
    expect(r.needsReview).toBe(true)
  })

  it('does not match short quotes approximately', () => {
    const text = `${prose(5)} The pact was signed. ${prose(5, 2)}`
    const sel = select(text, 'pact')
    expect(reanchor(text.replace('pact', 'part'), sel).status).toBe('orphaned')
    expect(THRESHOLDS.approximateMinChars).toBeGreaterThan('pact'.length)
  })
})

describe('orphans', () => {
  it('orphans a deleted passage, with confidence 0 and the analyst asked to look', () => {
    const sel = select(ARTICLE, 'the fleet is old, the crews are thin')
    const edited = ARTICLE.replace('Analysts doubt it: the fleet is old, the crews are thin, and the insurer has raised its premium twice.\n\n', '')
    expect(reanchor(edited, sel)).toEqual({ status: 'orphaned', confidence: 0, method: 'none', needsReview: true })
  })

  it('orphans a quote whose words are gone even though its context remains', () => {
    const sel = select(ARTICLE, 'the crews are thin')
    const edited = ARTICLE.replace('the crews are thin', 'salaries went unpaid')
    expect(reanchor(edited, sel).status).toBe('orphaned')
  })

  it('does not take a lookalike inside a word for a short deleted quote', () => {
    const text = `${prose(4)} Shipping in the north stopped. Southern ports stayed open. ${prose(4, 3)}`
    const sel = select(text, 'the north')
    // "the north" and the sentence break go; "the" in "Southern" now sits between the old context.
    const edited = text.replace('in the north stopped. Southern', 'in Southern')
    const r = reanchor(edited, sel)
    expect(r.status === 'orphaned' || r.needsReview).toBe(true)
  })
})

describe('many highlights on one text', () => {
  it('gives the same answers as one by one, in the order given', () => {
    const quotes = ['The harbour froze', 'the old schedule', 'the insurer has raised its premium', 'declined to comment']
    const sels = quotes.map((q) => select(ARTICLE, q))
    const edited = `Correction appended.\n\n${ARTICLE.replace('froze early', 'froze very early')}`
    const all = reanchorAll(edited, [...sels].reverse())
    const where = (r: ReanchorResult) => (r.status === 'anchored' ? [r.start, r.end, r.method, r.needsReview] : r.status)
    expect(all.map(where)).toEqual([...sels].reverse().map((s) => where(reanchor(edited, s))))
    expect(all.map((r) => placed(r, edited))).toEqual(['declined to comment', 'the insurer has raised its premium', 'the old schedule', 'The harbour froze'])
    expect(reanchorAll(edited, [])).toEqual([])
  })

  it('expects each passage where its neighbours moved to, so a far shift alone needs no review', () => {
    const body = prose(1500)
    const quoteAt = Math.floor(body.length / 2)
    const start = body.indexOf(' ', quoteAt) + 1
    const end = body.indexOf(' ', start + 40)
    const neighbours = [0.3, 0.4, 0.6].map((f) => {
      const s = body.indexOf(' ', Math.floor(body.length * f)) + 1
      return { ...quoteSelector(body, s, s + 25), start: s, end: s + 25 }
    })
    const sel = { ...quoteSelector(body, start, end), start, end }
    // 60 kB of new text at the top, and a typo in the highlighted passage.
    const inserted = prose(600, 9)
    const quote = body.slice(start, end)
    const typo = `${quote.slice(0, 10)}x${quote.slice(11)}`
    const edited = `${inserted}\n\n${body.slice(0, start)}${typo}${body.slice(end)}`
    const alone = reanchor(edited, sel)
    const together = reanchorAll(edited, [...neighbours, sel])[3]!
    expect(placed(alone, edited)).toBe(typo)
    expect(placed(together, edited)).toBe(typo)
    expect(together.needsReview).toBe(false)
  })
})

describe('text in any script', () => {
  it('re-anchors Japanese text and never splits an astral character', () => {
    const text = '函館の朝市には多くの観光客が訪れるようになった。𠮷野家の店舗は港の近くにあり、組合長は「にぎわいが戻った」と話している。'
    const sel = select(text, '𠮷野家の店舗は港の近くにあり')
    const edited = text.replace('多くの', 'とても多くの').replace('店舗は', '店舖は')
    const r = reanchor(edited, sel)
    expect(r.status).toBe('anchored')
    if (r.status !== 'anchored') return
    expect(edited.slice(r.start, r.end)).toMatch(/^𠮷野家の店舖は港の近くにあり/)
  })

  it('keeps emoji whole when the match edges fall inside one', () => {
    const text = `${prose(3)} Ferry traffic 🚢🚢 doubled this 🌊 winter in the northern ports. ${prose(3, 5)}`
    const sel = select(text, 'traffic 🚢🚢 doubled this 🌊 winter')
    const edited = text.replace('🚢🚢 doubled', '🚢 doubled')
    const r = reanchor(edited, sel)
    expect(r.status).toBe('anchored')
    if (r.status !== 'anchored') return
    const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff
    expect(isLow(edited.charCodeAt(r.start))).toBe(false)
    expect(isLow(edited.charCodeAt(r.end))).toBe(false)
  })
})

describe('inputs that are not well formed', () => {
  const sel = select(ARTICLE, 'the old schedule')

  it('orphans an empty quote or an empty text', () => {
    expect(reanchor(ARTICLE, { ...sel, exact: '' }).status).toBe('orphaned')
    expect(reanchor('', sel).status).toBe('orphaned')
    expect(reanchorAll('', [sel, sel]).every((r) => r.status === 'orphaned')).toBe(true)
  })

  it('searches when the stored position is out of range or not a number', () => {
    for (const [start, end] of [[-5, 3], [1e9, 1e9 + 16], [Number.NaN, Number.NaN], [3.5, 19.5], [40, 10]]) {
      const r = reanchor(ARTICLE, { ...sel, start: start!, end: end! })
      expect(placed(r, ARTICLE)).toBe('the old schedule')
      expect(r.method).toBe('exact')
    }
  })

  it('survives a quote longer than the text and a text of one repeated letter', () => {
    expect(reanchor('short', { ...sel, exact: ARTICLE }).status).toBe('orphaned')
    const letters = 'a'.repeat(200_000)
    const a = { exact: 'aaaaaaaaaaaa', prefix: 'a'.repeat(32), suffix: 'a'.repeat(32), start: 5, end: 17 }
    expect(reanchorAll(letters, [a, { ...a, start: 90_000, end: 90_012 }]).map((r) => r.status)).toEqual(['anchored', 'anchored'])
    expect(reanchor(letters, { ...a, exact: 'aaaaaaaaab', start: 100, end: 110 }).status).not.toBe('orphaned')
  })

  it('handles a huge quote in a huge text', () => {
    const body = prose(3000)
    const start = 1000
    const end = body.length - 1000
    const huge = { ...quoteSelector(body, start, end), start, end }
    const edited = `Intro.\n\n${body.slice(0, 50_000)}x${body.slice(50_000)}`
    const r = reanchor(edited, huge)
    expect(r.status).toBe('anchored')
    expect(r.status === 'anchored' && r.start).toBe(start + 'Intro.\n\n'.length)
  })
})
