// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { offsetsToRange, rangeToOffsets } from './selection-offsets'

// The reader's DOM for the text "Alpha beta\n\nGamma delta" with "beta" highlighted.
const TEXT = 'Alpha beta\n\nGamma delta'
let root: HTMLElement

beforeEach(() => {
  document.body.innerHTML = `
    <div id="reader">
      <p><span data-start="0">Alpha </span><mark data-start="6" data-highlight-ids="h1">beta</mark></p>
      <p><span data-start="12">Gamma delta</span></p>
    </div>`
  root = document.getElementById('reader')!
})

function textOf(el: Element): Text {
  return el.firstChild as Text
}

describe('rangeToOffsets', () => {
  it('maps a selection inside one piece', () => {
    const range = document.createRange()
    const piece = textOf(root.querySelector('[data-start="12"]')!)
    range.setStart(piece, 6)
    range.setEnd(piece, 11)
    const offsets = rangeToOffsets(root, range)!
    expect(TEXT.slice(offsets.start, offsets.end)).toBe('delta')
  })

  it('maps a selection that crosses a highlight and a paragraph break', () => {
    const range = document.createRange()
    range.setStart(textOf(root.querySelector('[data-start="0"]')!), 2)
    range.setEnd(textOf(root.querySelector('[data-start="12"]')!), 5)
    const offsets = rangeToOffsets(root, range)!
    expect(TEXT.slice(offsets.start, offsets.end)).toBe('pha beta\n\nGamma')
  })

  it('snaps element boundaries (a triple click) to the text they enclose', () => {
    const range = document.createRange()
    const firstParagraph = root.querySelector('p')!
    range.setStart(firstParagraph, 0)
    range.setEnd(firstParagraph, firstParagraph.childNodes.length)
    const offsets = rangeToOffsets(root, range)!
    expect(TEXT.slice(offsets.start, offsets.end)).toBe('Alpha beta')
  })

  it('ignores selections outside the reader and empty ones', () => {
    const outside = document.createElement('p')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    const range = document.createRange()
    range.selectNodeContents(outside)
    expect(rangeToOffsets(root, range)).toBeNull()
    const empty = document.createRange()
    empty.setStart(textOf(root.querySelector('[data-start="0"]')!), 3)
    expect(rangeToOffsets(root, empty)).toBeNull()
  })
})

describe('offsetsToRange', () => {
  it('is the inverse of rangeToOffsets, across pieces and paragraphs', () => {
    for (const [start, end] of [
      [0, 5],
      [3, 10],
      [6, 10],
      [6, 17],
      [12, 23]
    ] as const) {
      const range = offsetsToRange(root, start, end)!
      expect(rangeToOffsets(root, range), `${start}-${end}`).toEqual({ start, end })
      // The DOM has markup whitespace between paragraphs where the canonical text has a separator.
      expect(range.toString().replace(/\s+/g, '')).toBe(TEXT.slice(start, end).replace(/\s+/g, ''))
    }
  })
})
