import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type Block } from '../document/article-document'
import { canonicalText } from '../text/canonical-text'
import { cleanPlainText } from './clean-plain-text'

/** A generated article, with what each kind of line was meant to be. */
interface Article {
  raw: string
  sentences: string[]
  chrome: string[]
  captions: string[]
  other: string[]
}

const latinWords = [
  'harbour', 'ministry', 'officials', 'council', 'ferry', 'winter', 'budget', 'talks', 'said', 'would',
  'the', 'a', 'of', 'on', 'in', 'and', 'Tallinn', 'Riga', 'café', 'naïve', '“ready”', '—', '12\u00a0km',
  'don’t', 'analysts', 'cables', 'quay', 'timetable', 'Putin’s', '…', 'U.S.', 'Mr.', 'Kalniņa', 'schedule'
]
const latinStarters = ['Officials', 'The', 'Residents', 'Analysts', 'Port', 'Ferry', 'Council', 'Several', 'Many', 'Engineers', 'Traders']
const cyrillicWords = ['порт', 'зима', 'администрация', 'сказал', 'буксиры', 'график', 'судов', 'изменится', 'уже', 'в', 'декабре', '«да»']
const cyrillicStarters = ['Порт', 'Администрация', 'Источник', 'Буксиры']
const arabicWords = ['الميناء', 'قال', 'مسؤول', 'الأرصفة', 'خطة', 'العامين', 'المقبلين', 'التجار', 'السفن', 'في']
const japanesePhrases = ['函館の朝市には', '多くの観光客が', '訪れるようになった', '組合長は', '「にぎわいが戻った」と', '話している', '人手不足は', '深刻だ']

const pick = <T,>(items: T[]) => fc.constantFrom(...items)

/** A sentence of eight words or more, ending as sentences do. */
const spacedSentence = (starters: string[], words: string[], ends: string[]) =>
  fc
    .tuple(pick(starters), fc.array(pick(words), { minLength: 7, maxLength: 16 }), pick(ends))
    .map(([first, rest, end]) => (end === '.”' ? `“${first} ${rest.join(' ')}${end}` : `${first} ${rest.join(' ')}${end}`))

const sentence = fc.oneof(
  { weight: 5, arbitrary: spacedSentence(latinStarters, latinWords, ['.', '!', '?', '…', '.”']) },
  { weight: 1, arbitrary: spacedSentence(cyrillicStarters, cyrillicWords, ['.', '!', '?']) },
  { weight: 1, arbitrary: spacedSentence(['الميناء', 'قال'], arabicWords, ['.', '؟']) },
  { weight: 1, arbitrary: fc.array(pick(japanesePhrases), { minLength: 2, maxLength: 6 }).map((p) => `${p.join('')}。`) }
)

const chromeLine = pick([
  'Source link', 'LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here', 'Share post:', 'Popular',
  'More like this', 'Related', 'Related2860', 'Subscribe', 'Subscribe to our newsletter', 'Advertisement', 'ADVERTISEMENT',
  'Loading...', 'Share this article', 'Share on Facebook', 'Tweet', 'Like', 'Pin it', 'Post Comment', 'Accept all',
  'Read more: Ferry traffic doubles', 'You have entered an incorrect email address!', 'We use cookies to improve your experience.'
])

const heading = fc
  .array(pick(['Harbour', 'Power', 'A', 'new', 'winter', 'Plan', 'for', 'the', 'Quays', 'ahead']), { minLength: 1, maxLength: 5 })
  .map((words) => `Looking ${words.join(' ')}`)

const caption = fc.oneof(
  fc.array(pick(['ferry', 'passengers', 'quay', 'cranes']), { minLength: 1, maxLength: 4 }).map((w) => `Photo: ${w.join(' ')}`),
  fc.array(pick(['wait', 'near', 'the', 'ferry', 'terminal']), { minLength: 2, maxLength: 6 }).map((w) => `Passengers ${w.join(' ')} in Tallinn, Feb. 13, 2025.`),
  fc.array(pick(['cranes', 'unload', 'grain', 'at', 'dawn']), { minLength: 3, maxLength: 6 }).map((w) => `Dock workers ${w.join(' ')} (Reuters)`)
)

type Part = { lines: string[]; kind: 'body' | 'chrome' | 'caption' | 'other'; sentences?: string[]; glue?: string }

const bodyPart: fc.Arbitrary<Part> = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '\n'))
  .map(([sentences, glue]) => ({ lines: [sentences.join(glue)], kind: 'body', sentences }))

const metadataLine = pick(['By Jane Doe, Staff writer', 'By Mari Tamm and Jüri Kask', 'Published: 14 September 2026', 'Feb. 13, 2025', 'Date:', 'Updated 3 Nov 2026 10:15'])
const linkTitle = fc.array(pick(['Tallinn', 'tram', 'strike', 'ends', 'Riga', 'budget', 'delayed']), { minLength: 1, maxLength: 5 }).map((w) => `Port ${w.join(' ')}`)

const part: fc.Arbitrary<Part[]> = fc.oneof(
  { weight: 1, arbitrary: metadataLine.map((m) => [{ lines: [m], kind: 'other' as const }]) },
  {
    weight: 1,
    arbitrary: fc.tuple(chromeLine, fc.array(linkTitle, { minLength: 1, maxLength: 3 })).map(([c, titles]) => [
      { lines: [c], kind: 'chrome' as const },
      { lines: titles, kind: 'other' as const }
    ])
  },
  { weight: 4, arbitrary: bodyPart.map((p) => [p]) },
  { weight: 3, arbitrary: chromeLine.map((c) => [{ lines: [c], kind: 'chrome' as const }]) },
  { weight: 1, arbitrary: fc.tuple(heading, bodyPart).map(([h, b]) => [{ lines: [h], kind: 'other' as const }, b]) },
  { weight: 1, arbitrary: caption.map((c) => [{ lines: [c], kind: 'caption' as const }]) },
  { weight: 1, arbitrary: bodyPart.map((b) => [{ lines: ['Key points'], kind: 'other' as const }, b]) },
  {
    weight: 1,
    arbitrary: fc.array(pick(['new cables', 'a second quay', 'longer hours']), { minLength: 1, maxLength: 3 }).map((items) => [
      { lines: items.map((i) => `- ${i}`), kind: 'other' as const }
    ])
  }
)

const article: fc.Arbitrary<Article> = fc
  .tuple(
    fc.option(heading.map((h) => h.replace(/^Looking/, 'Ports'))),
    fc.array(fc.tuple(part, fc.constantFrom('\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r')
  )
  .map(([title, parts, eol]) => {
    const result: Article = { raw: '', sentences: [], chrome: [], captions: [], other: [] }
    let raw = title === null ? '' : `${title}\n\n`
    if (title !== null) result.other.push(title)
    for (const [group, separator] of parts) {
      for (const p of group) {
        // Captions are set apart by blank lines, as scrapes set them.
        const sep = p.kind === 'caption' ? '\n\n' : separator
        raw += `${sep}${p.lines.join('\n')}${sep}`
        if (p.kind === 'body') result.sentences.push(...p.sentences!)
        else if (p.kind === 'chrome') result.chrome.push(...p.lines)
        else if (p.kind === 'caption') result.captions.push(...p.lines)
        else result.other.push(...p.lines.map((l) => l.replace(/^- /, '')))
      }
    }
    result.raw = raw.replace(/\n/g, eol)
    return result
  })

const texts = (blocks: Block[]) => blocks.map((b) => b.text)

/** Only list and quote markers may go missing from a line; everything else is in some block. */
function expectNothingLost(raw: string, blocks: Block[]): void {
  const all = texts(blocks)
  for (const line of canonicalText(raw).split('\n')) {
    const text = line.trim()
    if (text === '') continue
    const unmarked = text.replace(/^(?:[-*•◦‣▪]|\d{1,3}[.)]|>)\s*/u, '')
    // A bare ">" is only a marker: a break between quotes.
    if (unmarked === '') continue
    expect(all.some((t) => t.includes(text) || t.includes(unmarked))).toBe(true)
  }
}

describe('cleanPlainText properties', () => {
  it('loses nothing and never removes a body sentence', () => {
    fc.assert(
      fc.property(article, (a) => {
        const { document } = cleanPlainText(a.raw, 'random.txt')
        const all = texts(document.blocks)
        expectNothingLost(a.raw, document.blocks)
        const removedTexts = texts(document.blocks.filter((b) => b.removed))
        for (const line of [...a.sentences, ...a.chrome, ...a.captions, ...a.other]) {
          expect(all.some((t) => t.includes(line))).toBe(true)
        }
        for (const s of a.sentences) expect(removedTexts.some((t) => t.includes(s))).toBe(false)
        for (const c of a.captions) {
          expect(document.blocks.some((b) => b.kind === 'caption' && !b.removed && b.text === c)).toBe(true)
        }
        for (const c of a.chrome) expect(removedTexts.some((t) => t.split('\n').includes(c))).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('is deterministic, and its text is the canonical text of its kept blocks', () => {
    fc.assert(
      fc.property(article, (a) => {
        const once = cleanPlainText(a.raw, 'random.txt')
        expect(cleanPlainText(a.raw, 'random.txt')).toEqual(once)
        expect(once.text).toBe(documentText(once.document))
        for (const block of once.document.blocks) {
          expect(block.text).not.toBe('')
          expect(canonicalText(block.text)).toBe(block.text)
        }
      }),
      { numRuns: 150 }
    )
  })

  const noise = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({
      unit: fc.oneof(
        fc.constantFrom('By ', 'Date:', 'Source:', 'http://x.y', '> ', '- ', '1. ', 'Feb. 13, 2025', 'Related', '—', 'TALLINN, '),
        fc.constantFrom('\n', '\r', '\r\n', '\n\n', ' ', '\t', '\u00a0', '\u2028', '\u0301', 'é', '語', '😀', 'A', 'a', '.', ':'),
        fc.string({ unit: 'binary', maxLength: 2 })
      ),
      maxLength: 60
    })
  )

  it('never throws on noise, and keeps its invariants', () => {
    fc.assert(
      fc.property(noise, (raw) => {
        const doc = cleanPlainText(raw, 'noise.txt')
        expect(doc.text).toBe(documentText(doc.document))
        expectNothingLost(raw, doc.document.blocks)
        expect(doc.title.length).toBeGreaterThan(0)
        for (const block of doc.document.blocks) expect(canonicalText(block.text)).toBe(block.text)
      }),
      { numRuns: 500 }
    )
  })
})
