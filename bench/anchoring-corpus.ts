/**
 * A seeded corpus for the anchoring benchmark: articles with highlights, then an edited version
 * of each with where every highlighted passage went (or that it was deleted). Edits are what
 * re-cleaning and re-importing do to a text: words inserted, deleted and replaced, typos fixed,
 * paragraphs moved, passages removed. Stock phrases recur on purpose, so the same quote occurs
 * several times in different contexts.
 */
import type { AnchorSelector } from '../src/shared/anchoring/reanchor'
import { quoteSelector } from '../src/shared/anchoring/text-quote-selector'
import { random } from './corpus'

export interface Truth {
  start: number
  end: number
}

export interface AnchoringCase {
  name: string
  oldText: string
  newText: string
  editRate: number
  selectors: AnchorSelector[]
  /** Where each highlighted passage is in the new text; null when it was deleted. */
  truth: (Truth | null)[]
}

const WORDS = (
  'the the the the a a an of of of to to in in and and for on with at by from that which while after before ' +
  'port harbour minister ministry talks pact winter ice fleet crew cargo grain tanker insurer premium agreement ' +
  'signatory vessel escort schedule decade analysts government budget sanctions pipeline energy market price ' +
  'inflation border security council defence alliance treaty summit coalition parliament vote reform election ' +
  'campaign opposition region province capital city negotiators officials spokesman statement report survey data ' +
  'forecast outlook growth decline shipping route canal terminal operator authority regulator court ruling appeal ' +
  'investors bank currency exports imports tariff quota farmers fishermen workers union strike wages pension ' +
  'hospital school water power grid storm drought harvest season morning evening week month year quietly sharply ' +
  'slowly openly rarely broadly largely nearly roughly firmly again still already new old large small northern ' +
  'southern eastern western coastal rural urban key major minor said says would could might will expected ' +
  'announced warned agreed rejected proposed approved delayed cut raised lowered reported estimated ' +
  'cooperation infrastructure investigation procurement subsidies consumption reserves deficit surplus turnover ' +
  'shareholders contractors suppliers logistics warehouse railway freight container customs inspection licence'
).split(' ')
const NAMES = ['Mira Kalniņa', 'Andris Ozols', 'Laura Bērziņa', 'Jonas Petraitis', 'Eva Tamm', 'Piotr Nowak', 'Karin Lind', 'Zoë Müller']
const FOREIGN = ['函館の朝市には多くの観光客が訪れるようになった。', '港湾局は「にぎわいが戻った」と話している。', 'Порт сообщил, что график судов изменится уже в декабре.', 'Rīgas ostā 🚢 kravu apjoms auga par 12 %.', '𠮷野家の店舗は港の近くにある。']

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!
}

const int = (rnd: () => number, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))

function words(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => pick(rnd, WORDS)).join(' ')
}

function sentence(rnd: () => number, phrases: readonly string[]): string {
  const parts = [words(rnd, int(rnd, 6, 22))]
  const r = rnd()
  // A stock phrase in a fifth of the sentences: the repeats a quote must be told apart from.
  if (r < 0.2) parts.splice(int(rnd, 0, 1), 0, pick(rnd, phrases))
  else if (r < 0.35) parts.push(`${pick(rnd, NAMES)} ${words(rnd, int(rnd, 2, 6))}`)
  else if (r < 0.5) parts.push(String(int(rnd, 1, 999_999)))
  const text = parts.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

function article(rnd: () => number, size: number): string {
  const phrases = Array.from({ length: int(rnd, 6, 14) }, () => words(rnd, int(rnd, 3, 14)))
  const paragraphs: string[] = []
  let length = 0
  while (length < size) {
    const r = rnd()
    const p =
      r < 0.04
        ? words(rnd, int(rnd, 3, 8)).replace(/^./, (c) => c.toUpperCase())
        : r < 0.07
          ? pick(rnd, FOREIGN)
          : Array.from({ length: int(rnd, 2, 6) }, () => sentence(rnd, phrases)).join(' ')
    paragraphs.push(p)
    length += p.length + 2
  }
  return paragraphs.join('\n\n')
}

interface Range {
  start: number
  end: number
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n'

/** Word starts in text[from, to). */
function wordStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = []
  for (let i = from; i < to; i++) if (!isSpace(text[i]) && (i === 0 || isSpace(text[i - 1]))) starts.push(i)
  return starts
}

function wordEnd(text: string, start: number): number {
  let e = start
  while (e < text.length && !isSpace(text[e])) e++
  return e
}

/** Highlights: single words to whole paragraphs, some of them exactly a stock phrase, never overlapping. */
function chooseHighlights(rnd: () => number, text: string, count: number): Range[] {
  const chosen: Range[] = []
  const free = (r: Range) => chosen.every((c) => r.end + 1 < c.start || r.start > c.end + 1)
  const paragraphs: Range[] = []
  for (let s = 0; s < text.length; ) {
    const e = text.indexOf('\n\n', s)
    paragraphs.push({ start: s, end: e === -1 ? text.length : e })
    s = e === -1 ? text.length : e + 2
  }
  for (let tries = 0; chosen.length < count && tries < count * 50; tries++) {
    const p = pick(rnd, paragraphs)
    const starts = wordStarts(text, p.start, p.end)
    if (!starts.length) continue
    const r = rnd()
    let range: Range
    if (r < 0.08) range = { start: p.start, end: p.end }
    else {
      const n = r < 0.35 ? int(rnd, 1, 3) : r < 0.8 ? int(rnd, 4, 12) : int(rnd, 13, 40)
      const k = int(rnd, 0, Math.max(0, starts.length - 1))
      const last = starts[Math.min(starts.length - 1, k + n - 1)]!
      range = { start: starts[k]!, end: wordEnd(text, last) }
    }
    // Selections are trimmed as the app trims them: no white space or sentence dot at the ends.
    while (range.end > range.start && /[\s.,]/.test(text[range.end - 1]!)) range.end--
    if (range.end - range.start < 2 || !free(range)) continue
    chosen.push(range)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/**
 * The edit model: characters deleted, strings inserted before a character, and paragraphs in a
 * new order. Building the new text records where every kept character went.
 */
class Edits {
  readonly deleted: Uint8Array
  readonly inserts = new Map<number, string>()
  readonly touched: Range[] = []
  constructor(readonly text: string) {
    this.deleted = new Uint8Array(text.length + 1)
  }
  clear(r: Range): boolean {
    return this.touched.every((t) => r.end < t.start || r.start > t.end)
  }
  delete(r: Range): void {
    this.deleted.fill(1, r.start, r.end)
    this.touched.push(r)
  }
  insert(at: number, s: string): void {
    this.inserts.set(at, (this.inserts.get(at) ?? '') + s)
    this.touched.push({ start: at, end: at })
  }
  build(order: readonly Range[]): { text: string; map: Int32Array } {
    const map = new Int32Array(this.text.length).fill(-1)
    const out: string[] = []
    let length = 0
    for (const p of order) {
      const parts: string[] = []
      const positions: { from: number; to: number; at: number }[] = []
      let plen = 0
      for (let i = p.start; ; ) {
        const ins = this.inserts.get(i)
        if (ins) {
          parts.push(ins)
          plen += ins.length
        }
        if (i >= p.end) break
        if (this.deleted[i]) {
          i++
          continue
        }
        let j = i + 1
        while (j < p.end && !this.deleted[j] && !this.inserts.has(j)) j++
        parts.push(this.text.slice(i, j))
        positions.push({ from: i, to: j, at: plen })
        plen += j - i
        i = j
      }
      const body = parts.join('')
      if (!body.trim()) continue
      if (out.length) length += 2
      for (const r of positions) for (let k = r.from; k < r.to; k++) map[k] = length + r.at + (k - r.from)
      out.push(body)
      length += body.length
    }
    return { text: out.join('\n\n'), map }
  }
}

/** A one-letter slip in a word, by code point so an emoji or a rare CJK character stays whole. */
function typo(rnd: () => number, word: string): string {
  const chars = Array.from(word)
  const i = int(rnd, 0, chars.length - 1)
  const r = rnd()
  const letter = String.fromCharCode(97 + int(rnd, 0, 25))
  if (r < 0.4) chars[i] = letter
  else if (r < 0.7) chars.splice(i, 1)
  else chars.splice(i, 0, letter)
  return chars.join('')
}

/** One article of about `size` characters with `count` highlights, edited at `editRate` (0..0.2). */
export function anchoringCase(index: number, size: number, count: number, editRate: number, seed = 7): AnchoringCase {
  const rnd = random(seed * 1_000_003 + index)
  const oldText = article(rnd, size)
  const highlights = chooseHighlights(rnd, oldText, count)
  const edits = new Edits(oldText)
  const outside = (r: Range) => highlights.every((h) => r.end <= h.start || r.start >= h.end)

  // Some highlighted passages deleted with words around them, some edited lightly inside.
  const deleted = new Set<number>()
  highlights.forEach((h, k) => {
    if (rnd() < editRate * 0.5) {
      const around = wordStarts(oldText, Math.max(0, h.start - 120), Math.min(oldText.length, h.end + 120))
      const before = around.filter((s) => s <= h.start)
      const after = around.filter((s) => s >= h.end)
      const start = before.length ? before[Math.max(0, before.length - 1 - int(rnd, 0, 6))]! : h.start
      const end = after.length ? after[Math.min(after.length - 1, int(rnd, 0, 6))]! : h.end
      const r = { start, end }
      if (edits.clear(r) && highlights.every((o, j) => j === k || r.end <= o.start || r.start >= o.end)) {
        edits.delete(r)
        deleted.add(k)
      }
    } else if (h.end - h.start >= 30 && rnd() < editRate * 2) {
      // At most about 10% of the quote, never touching its first or last word.
      const inner = wordStarts(oldText, h.start + 1, h.end).filter((s) => wordEnd(oldText, s) < h.end)
      const budget = Math.max(1, Math.floor((h.end - h.start) * 0.1))
      let used = 0
      for (let n = int(rnd, 1, 3); n > 0 && inner.length; n--) {
        const s = inner.splice(int(rnd, 0, inner.length - 1), 1)[0]!
        const e = wordEnd(oldText, s)
        const replacement = typo(rnd, oldText.slice(s, e))
        const cost = Math.max(e - s, replacement.length)
        if (used + cost > budget * 2 || !edits.clear({ start: s, end: e })) continue
        edits.delete({ start: s, end: e })
        edits.insert(e, replacement)
        used += cost
      }
    }
  })

  // Edits between highlights, up to the rate: inserted and deleted words, replaced words, typos.
  const budget = oldText.length * editRate
  let spent = 0
  for (let tries = 0; spent < budget && tries < 100_000; tries++) {
    const at = int(rnd, 0, oldText.length - 1)
    const starts = wordStarts(oldText, at, Math.min(oldText.length, at + 200))
    if (starts.length < 2) continue
    const s = starts[0]!
    const r = rnd()
    if (r < 0.3) {
      const ins = `${words(rnd, int(rnd, 1, 12))} `
      if (!outside({ start: s, end: s }) || !edits.clear({ start: s, end: s })) continue
      edits.insert(s, ins)
      spent += ins.length
    } else if (r < 0.6) {
      const e = starts[Math.min(starts.length - 1, int(rnd, 1, 10))]!
      const range = { start: s, end: e }
      if (!outside(range) || !edits.clear(range)) continue
      edits.delete(range)
      spent += e - s
    } else {
      const e = wordEnd(oldText, s)
      const range = { start: s, end: e }
      if (!outside(range) || !edits.clear(range)) continue
      const replacement = r < 0.8 ? pick(rnd, WORDS) : typo(rnd, oldText.slice(s, e))
      edits.delete(range)
      edits.insert(e, replacement)
      spent += Math.max(e - s, replacement.length)
    }
  }

  // Paragraphs moved: about one in fifty per 10% of edits.
  const paragraphs: Range[] = []
  for (let s = 0; s < oldText.length; ) {
    const e = oldText.indexOf('\n\n', s)
    paragraphs.push({ start: s, end: e === -1 ? oldText.length : e })
    s = e === -1 ? oldText.length : e + 2
  }
  const moves = Math.round(paragraphs.length * editRate * 0.2)
  for (let n = 0; n < moves; n++) {
    const from = int(rnd, 0, paragraphs.length - 1)
    const [p] = paragraphs.splice(from, 1)
    paragraphs.splice(int(rnd, 0, paragraphs.length), 0, p!)
  }

  const built = edits.build(paragraphs)
  const truth = highlights.map((h, k): Truth | null => {
    if (deleted.has(k)) return null
    const start = built.map[h.start]!
    const end = built.map[h.end - 1]! + 1
    if (start < 0 || end <= start) throw new Error(`corpus bug: highlight ${k} of case ${index} lost its ends`)
    return { start, end }
  })
  const selectors = highlights.map((h) => ({ ...quoteSelector(oldText, h.start, h.end), start: h.start, end: h.end }))
  return { name: `article-${index}`, oldText, newText: built.text, editRate, selectors, truth }
}
