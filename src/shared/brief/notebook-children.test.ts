import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findChildren, updateChildren, type NotebookChildren } from './notebook-children'

/** A state as the editor saves it, with children that hold brackets, quotes and escapes in their strings. */
const state = (children: unknown[], spaced = false) => JSON.stringify({ root: { children, direction: 'ltr', type: 'root', version: 1 } }, null, spaced ? 1 : undefined)
const child = fc.oneof(
  fc.record({ type: fc.constantFrom('paragraph', 'heading', 'dossier-highlight-quote'), text: fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '[', ']', '{', '}', ',', 'é', 'ق', '\n') }) }),
  fc.record({ type: fc.constant('list'), children: fc.array(fc.record({ text: fc.string() }), { maxLength: 3 }) }),
  fc.constantFrom(null, 3, 'text', true)
)
const texts = (found: NotebookChildren) => found.starts.map((s, i) => found.text.slice(s, found.ends[i]))

describe('finding a notebook’s top-level nodes again after an edit', () => {
  it('finds each child’s text exactly as JSON.parse reads the state, spaced or not', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 8 }), fc.boolean(), (children, spaced) => {
        const found = findChildren(state(children, spaced))!
        expect(texts(found).map((t) => JSON.parse(t) as unknown)).toEqual(children)
      })
    )
  })

  it('after any edit, reuses only children whose text is unchanged, and finds the rest as a whole parse does', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 8 }), fc.array(fc.tuple(fc.nat(8), fc.option(child)), { maxLength: 4 }), (before, edits) => {
        const after = [...before]
        for (const [at, replacement] of edits) {
          if (replacement === null) after.splice(at % (after.length + 1), 1)
          else after.splice(at % (after.length + 1), at % 2, replacement)
        }
        const old = findChildren(state(before))!
        const update = updateChildren(old, state(after))!
        expect(texts(update.children).map((t) => JSON.parse(t) as unknown)).toEqual(after)
        update.reused.forEach((from, i) => {
          if (from >= 0) expect(texts(update.children)[i]).toBe(texts(old)[from])
        })
      })
    )
  })

  it('reuses every child but the edited one after a one-sentence edit, and a moved child too', () => {
    const children = Array.from({ length: 50 }, (_, i) => ({ type: 'paragraph', text: `Sentence ${i}.` }))
    const old = findChildren(state(children))!
    const edited = children.map((c, i) => (i === 30 ? { ...c, text: 'Sentence 30, edited.' } : c))
    expect(updateChildren(old, state(edited))!.reused.filter((r) => r < 0)).toHaveLength(1)
    const moved = [...children.slice(1, 40), children[0]!, ...children.slice(40)]
    expect(updateChildren(old, state(moved))!.reused.every((r) => r >= 0)).toBe(true)
  })

  it('finds the one edited child of a 300 KB state wherever the edit falls (the shared ends compared 64 KB at a time, then in smaller blocks)', () => {
    const children = Array.from({ length: 2400 }, (_, i) => ({ type: 'paragraph', text: `Sentence ${i} of the brief, long enough to fill a line or two of the notebook's text, as an analyst writes it.` }))
    const old = findChildren(state(children))!
    expect(old.text.length).toBeGreaterThan(300_000)
    fc.assert(
      fc.property(fc.nat(2399), fc.constantFrom('x', '', 'Sentence', 'a much longer sentence than the one it replaces, with "quotes" and [brackets]'), (at, text) => {
        const after = children.map((c, i) => (i === at ? { ...c, text } : c))
        const edited = state(after)
        const update = updateChildren(old, edited)!
        const whole = findChildren(edited)!
        expect([update.children.starts, update.children.ends]).toEqual([whole.starts, whole.ends])
        expect(JSON.parse(texts(update.children)[at]!)).toEqual(after[at])
        expect(update.reused.flatMap((from, i) => (from < 0 ? [i] : []))).toEqual([at])
        expect(update.reused.every((from, i) => from < 0 || from === i)).toBe(true)
      }),
      { numRuns: 25 }
    )
  })

  it('gives up (the caller parses the whole state, which says what is wrong) on anything but a well-formed state', () => {
    for (const bad of ['', 'null', '{"root":{"children":{}}}', '{"root":{"children":[1,]}}', '{"root":{"children":[1]},"root":{"children":[]}}', '{"r\\u006fot":{"children":[]}}', '{"root":{"children":[1]}} x', '{"root":{"children":[1],"x":tru}}']) {
      expect(findChildren(bad), bad).toBeNull()
    }
  })
})
