import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalText } from '../text/canonical-text'
import { InlineBuilder, joinInline, markHref, preformattedText, slice, tidy } from './inline-text'

describe('InlineBuilder', () => {
  it('collapses white space, including NBSP, and trims lines', () => {
    const b = new InlineBuilder()
    b.text('  Ports\u00a0\u00a0met \n on ')
    const m = b.open('strong')
    b.text(' Tuesday ')
    b.close(m)
    b.lineBreak()
    b.text('  next')
    expect(b.finish()).toEqual([{ text: 'Ports met on Tuesday\nnext', marks: [{ type: 'strong', start: 13, end: 20 }] }])
  })

  it('splits into paragraphs where two line breaks meet, carrying marks across', () => {
    const b = new InlineBuilder()
    const m = b.open('em')
    b.text('one')
    b.lineBreak()
    b.lineBreak()
    b.lineBreak()
    b.text('two')
    b.close(m)
    expect(b.finish()).toEqual([
      { text: 'one', marks: [{ type: 'em', start: 0, end: 3 }] },
      { text: 'two', marks: [{ type: 'em', start: 0, end: 3 }] }
    ])
  })

  it('always yields canonical text with marks inside it', () => {
    const step = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', '\u00a0', '\t', '\n', 'e\u0301', 'é', '😀') }).map((t) => ({ t })),
      fc.constant({ br: true }),
      fc.tuple(fc.constantFrom('em' as const, 'strong' as const, 'code' as const), fc.boolean()).map(([mark, close]) => ({ mark, close }))
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        const b = new InlineBuilder()
        const open: ReturnType<InlineBuilder['open']>[] = []
        for (const s of steps) {
          if ('t' in s) b.text(s.t)
          else if ('br' in s) b.lineBreak()
          else if (open.length && s.close) b.close(open.pop()!)
          else open.push(b.open(s.mark))
        }
        while (open.length) b.close(open.pop()!)
        for (const part of b.finish()) {
          expect(part.text).not.toBe('')
          expect(canonicalText(part.text)).toBe(part.text)
          expect(part.text.trim()).toBe(part.text)
          for (const mk of part.marks) {
            expect(mk.end).toBeLessThanOrEqual(part.text.length)
            expect(part.text.slice(mk.start, mk.end).trim()).toBe(part.text.slice(mk.start, mk.end))
          }
        }
      })
    )
  })
})

describe('tidy, slice and joinInline', () => {
  it('merges touching marks of one kind and target, keeps different targets apart', () => {
    expect(
      tidy({
        text: 'abcdef',
        marks: [
          { type: 'em', start: 0, end: 2 },
          { type: 'em', start: 2, end: 4 },
          { type: 'link', start: 0, end: 3, href: 'https://a.example/' },
          { type: 'link', start: 3, end: 6, href: 'https://b.example/' }
        ]
      }).marks
    ).toEqual([
      { type: 'em', start: 0, end: 4 },
      { type: 'link', start: 0, end: 3, href: 'https://a.example/' },
      { type: 'link', start: 3, end: 6, href: 'https://b.example/' }
    ])
  })

  it('cuts and joins texts with their marks', () => {
    const whole = { text: 'one two', marks: [{ type: 'strong' as const, start: 2, end: 5 }] }
    expect(slice(whole, 4, 7)).toEqual({ text: 'two', marks: [{ type: 'strong', start: 0, end: 1 }] })
    expect(joinInline([slice(whole, 0, 3), slice(whole, 4, 7)], '\t')).toEqual({
      text: 'one\ttwo',
      marks: [
        { type: 'strong', start: 2, end: 3 },
        { type: 'strong', start: 4, end: 5 }
      ]
    })
  })
})

describe('preformattedText', () => {
  it('keeps lines and indentation but no blank lines, trailing spaces or shared indent', () => {
    expect(preformattedText('\r\n    if (x) {   \r\n\r\n      y()\r\n    }\n\n')).toBe('if (x) {\n  y()\n}')
  })
})

describe('markHref', () => {
  it('accepts http(s) and mailto, resolving relative links only against a base', () => {
    expect(markHref('https://e.org/a b')).toBe('https://e.org/a%20b')
    expect(markHref('/x', 'https://e.org/a/b')).toBe('https://e.org/x')
    expect(markHref('/x')).toBeNull()
    expect(markHref('mailto:desk@e.org')).toBe('mailto:desk@e.org')
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'mailto:"><img>@x']) {
      expect(markHref(bad, 'https://e.org/')).toBeNull()
    }
  })
})

describe('a paragraph of very many links', () => {
  it('keeps each of 20,000 links on its own words', () => {
    const b = new InlineBuilder()
    for (let i = 0; i < 20_000; i++) {
      const m = b.open('link', `https://example.org/${i}`)
      b.text(`link${i}`)
      b.close(m)
      b.text(' ')
    }
    const [part] = b.finish()
    expect(part!.marks).toHaveLength(20_000)
    for (const [i, m] of part!.marks.entries()) expect(part!.text.slice(m.start, m.end)).toBe(`link${i}`)
  })
})
