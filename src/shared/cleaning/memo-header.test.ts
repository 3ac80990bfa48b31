import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { cleanPlainText } from './clean-plain-text'
import { MEMO_HEADER_REASON, readMemoHeader } from './memo-header'

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed).map((b) => b.text)
const reasonOf = (blocks: Block[], start: string) => blocks.find((b) => b.text.startsWith(start))?.removed?.reason

const BODY = [
  'Winter ferry cuts announced this week will reduce sailings to the outer islands by a fifth. We assess that shortages are unlikely before February.',
  'Island councils hold about six weeks of fuel and food stocks, and the remaining routes are rarely closed for more than a week.'
]

describe('a memorandum pasted as text', () => {
  const raw = ['MEMORANDUM', 'TO: Director, Regional Analysis\nFROM: Baltic Desk\nDATE: 9 March 2026\nSUBJECT: Ferry cuts and island supply', ...BODY, 'cc: Shipping Desk'].join('\n\n')
  const doc = cleanPlainText(raw, 'memo.txt')

  it('takes its subject as the title, its sender as the author and its date', () => {
    expect(doc.title).toBe('Ferry cuts and island supply')
    expect(doc.author).toBe('Baltic Desk')
    expect(doc.publishedAt).toBe('2026-03-09')
  })

  it('keeps the text alone, the label, addressees and copy list set aside as the memo’s header', () => {
    expect(kept(doc.document.blocks)).toEqual(BODY)
    expect(reasonOf(doc.document.blocks, 'MEMORANDUM')).toBe(MEMO_HEADER_REASON)
    expect(reasonOf(doc.document.blocks, 'TO: Director')).toBe(MEMO_HEADER_REASON)
    expect(reasonOf(doc.document.blocks, 'cc: Shipping Desk')).toBe(MEMO_HEADER_REASON)
    expect(reasonOf(doc.document.blocks, 'SUBJECT:')).toBe('title')
  })
})

describe('a forwarded e-mail pasted as text', () => {
  it('reads the sender without the address, the date of "Sent:" and the subject without "Fwd:"', () => {
    const raw = ['From: Anna Lindqvist <anna.lindqvist@example.org>\nSent: Monday, March 9, 2026 10:14 AM\nTo: Baltic Desk\nSubject: Fwd: RE: Ferry cuts', ...BODY].join('\n\n')
    const doc = cleanPlainText(raw, 'mail.txt')
    expect(doc.title).toBe('Ferry cuts')
    expect(doc.author).toBe('Anna Lindqvist')
    expect(doc.publishedAt).toBe('2026-03-09T10:14:00')
    expect(kept(doc.document.blocks)).toEqual(BODY)
  })
})

describe('readMemoHeader', () => {
  it('needs a subject and a sender or addressee: a story quoting one line of an e-mail is no memo', () => {
    expect(readMemoHeader(['Ferry cuts deepen', 'From: the ministry’s letter to operators, seen by this paper.', BODY[0]!])).toBeNull()
    expect(readMemoHeader(['Subject: Ferry cuts', BODY[0]!])).toBeNull()
    expect(readMemoHeader(['To: Baltic Desk', 'Re: Ferry cuts', BODY[0]!])?.title).toBe('Ferry cuts')
  })
})
