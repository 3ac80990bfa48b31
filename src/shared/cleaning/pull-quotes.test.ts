import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { PULL_QUOTE_REASON, setAsidePullQuotes } from './pull-quotes'

const p = (text: string, kind: Block['kind'] = 'paragraph'): Block => ({ kind, text })

// Written for this test: an interview's answer and its pull quote.
const ANSWER =
  'There were forecasts of a dry spring, yes. We treated it as a risk to watch rather than a risk to act on. That was a mistake, and the board has said so.'

describe('setAsidePullQuotes', () => {
  it('sets aside a block quote that repeats a sentence of the story, and keeps the story', () => {
    const blocks = [p('The board met in June.'), p(ANSWER), p('“We treated it as a risk to watch rather than a risk to act on.”', 'blockquote'), p('The next question was about the interconnector.')]
    setAsidePullQuotes(blocks)
    expect(blocks[2]!.removed).toEqual({ reason: PULL_QUOTE_REASON })
    expect(blocks.filter((b) => b.removed)).toHaveLength(1)
  })

  it('takes the attribution under it too', () => {
    const blocks = [p(ANSWER), p('"We treated it as a risk to watch rather than a risk to act on."'), p('— Marta Lindqvist, chief engineer'), p('Her deputy disagreed.')]
    setAsidePullQuotes(blocks)
    expect(blocks.map((b) => b.removed?.reason ?? null)).toEqual([null, PULL_QUOTE_REASON, PULL_QUOTE_REASON, null])
  })

  it('sets aside a pull quote a PDF read as a heading, for its large type', () => {
    const blocks: Block[] = [p(ANSWER), { kind: 'heading', level: 2, text: '“We treated it as a risk to watch rather than a risk to act on.”' }, p('The board will now act on the reservoir level.')]
    setAsidePullQuotes(blocks)
    expect(blocks[1]!.removed).toEqual({ reason: PULL_QUOTE_REASON })
  })

  it('keeps a quoted paragraph that says something the story does not repeat', () => {
    const blocks = [p(ANSWER), p('“Nobody at the board saw the numbers before June, and nobody asked to see them.”'), p('The minister declined to comment.')]
    setAsidePullQuotes(blocks)
    expect(blocks.every((b) => !b.removed)).toBe(true)
  })

  it('keeps a quotation in the story that is followed by who said it', () => {
    const blocks = [p(ANSWER), p('“We treated it as a risk to watch rather than a risk to act on,” she said.')]
    setAsidePullQuotes(blocks)
    expect(blocks.every((b) => !b.removed)).toBe(true)
  })

  it('keeps a short quote, which may repeat by chance', () => {
    const blocks = [p('The union said the talks will resume on Thursday morning at the port.'), p('“The talks will resume.”', 'blockquote')]
    setAsidePullQuotes(blocks)
    expect(blocks.every((b) => !b.removed)).toBe(true)
  })

  it('keeps a block quote that holds the longer passage (the story quotes a letter, then a line of it)', () => {
    const letter = 'We write to express our concern about the closure of the northern terminal and its effect on the island communities who depend on it.'
    const blocks = [p(letter, 'blockquote'), p('The council wrote of its concern about the closure of the northern terminal.')]
    setAsidePullQuotes(blocks)
    expect(blocks.every((b) => !b.removed)).toBe(true)
  })
})
