import type { ParsedQuery, Term } from './parse-query'
import { foldWord } from './tokens'

/**
 * Chinese, Japanese and Korean search (decision 0031). unicode61 keeps a run of these scripts as
 * one token, so a word in the middle of a run cannot be found. Rows holding any of these
 * characters are indexed a second time, in a side index (migration 051) where each character of a
 * run is written as itself plus the next character of the run (overlapping bigrams; the run's last
 * character alone). Any substring of two or more characters is then a phrase of bigrams, and a
 * single character the prefix of one, so every word is found wherever it sits in a run.
 *
 * Everything else in those rows (Latin words, digits) is indexed as unicode61 would, so a query
 * mixing scripts is answered by the side index alone. Queries without these characters never
 * touch it: Latin search is exactly what it was.
 */

/** Code point ranges of the scripts written without spaces between words, by block. */
const RANGES: readonly [number, number][] = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x3005, 0x3007], // 々 〆 〇
  [0x3040, 0x309f], // Hiragana
  [0x30a0, 0x30ff], // Katakana (ー included)
  [0x3130, 0x318f], // Hangul compatibility Jamo
  [0x31f0, 0x31ff], // Katakana phonetic extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7af], // Hangul syllables
  [0xd7b0, 0xd7ff], // Hangul Jamo extended B
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // half-width Katakana
  [0x1b000, 0x1b16f], // Kana supplement and extended A
  [0x20000, 0x3134f], // CJK extensions B to G
  [0x2f800, 0x2fa1f] // CJK compatibility supplement
]

const hex = (n: number) => `\\u{${n.toString(16)}}`
const CLASS = RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')
/** A character of those blocks that unicode61 counts as part of a word (letters and digits, not 、。・). */
const CJK_CHAR = new RegExp(`^(?=[\\p{L}\\p{N}\\p{Co}])[${CLASS}]$`, 'u')
const HAS_CJK = new RegExp(`(?=[\\p{L}\\p{N}\\p{Co}])[${CLASS}]`, 'u')
const WORD = /[\p{L}\p{N}\p{Co}]+/gu

/**
 * The SQL condition "this text holds a character of those blocks", for triggers and queries.
 * It is the side index's membership rule: a row is in the side index exactly when one of its
 * columns matches. GLOB compares code points, so the ranges are the same as above; it is looser
 * than hasCjk (punctuation of those blocks counts), which only indexes a few rows for nothing.
 *
 * GLOB reads its whole character class again at each character of the text, and the class has
 * sixteen ranges: 0.9 ms for a 16 KB article, under the write lock of every import. A first GLOB
 * with two ranges (Hangul Jamo, and everything from U+3005 up) turns away almost every text of
 * the other scripts for a fifth of that; the exact class is read only for what passes it.
 */
export function cjkGlob(column: string): string {
  const ranges = RANGES.map(([a, b]) => `${String.fromCodePoint(a)}-${String.fromCodePoint(b)}`).join('')
  const [jamo, ...above] = RANGES
  const coarse = `${String.fromCodePoint(jamo![0])}-${String.fromCodePoint(jamo![1])}${String.fromCodePoint(above[0]![0])}-${String.fromCodePoint(0x10ffff)}`
  return `(coalesce(${column} GLOB '*[${coarse}]*', 0) AND coalesce(${column} GLOB '*[${ranges}]*', 0))`
}

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text)
}

export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch)
}

/** In one of the blocks (callers in the index know the character is a word character). */
export function inCjkBlock(cp: number): boolean {
  if (cp < 0x1100) return false
  for (const [a, b] of RANGES) if (cp >= a && cp <= b) return true
  return false
}

/** A token of the side index with where it stands in the text. */
export interface SideToken {
  /** What the index compares: folded for Latin words, the characters themselves for CJK. */
  norm: string
  /** The character (or word) the token stands for. */
  start: number
  end: number
  /** Where the text the token holds ends: past the next character for a bigram. */
  coverEnd: number
  cjk: boolean
}

/** The side index's tokens of `text`, in order. */
export function sideTokens(text: string): SideToken[] {
  const out: SideToken[] = []
  for (const m of text.matchAll(WORD)) {
    let at = m.index
    const word = m[0]
    let latinStart = -1
    const run: { ch: string; start: number }[] = []
    const flushLatin = (end: number) => {
      if (latinStart === -1) return
      const raw = text.slice(latinStart, end)
      out.push({ norm: foldWord(raw), start: latinStart, end, coverEnd: end, cjk: false })
      latinStart = -1
    }
    const flushRun = () => {
      for (let i = 0; i < run.length; i++) {
        const c = run[i]!
        const next = run[i + 1]
        const end = c.start + c.ch.length
        out.push({ norm: next ? c.ch + next.ch : c.ch, start: c.start, end, coverEnd: next ? next.start + next.ch.length : end, cjk: true })
      }
      run.length = 0
    }
    for (const ch of word) {
      // Characters of a WORD match are word characters already: the block decides.
      if (inCjkBlock(ch.codePointAt(0)!)) {
        flushLatin(at)
        run.push({ ch, start: at })
      } else {
        flushRun()
        if (latinStart === -1) latinStart = at
      }
      at += ch.length
    }
    flushLatin(at)
    flushRun()
  }
  return out
}

/** What migration 051's triggers write into the side index for a column's text. */
export function sideIndexText(text: string | null): string | null {
  if (text === null) return null
  return sideTokens(text)
    .map((t) => text.slice(t.start, t.coverEnd))
    .join(' ')
}

/** A token a query term looks for in the side index. */
export interface QueryToken {
  norm: string
  /** As typed: FTS5's tokenizer folds it as it folded the index. */
  raw: string
  /** The term's last token may begin a longer one: a single CJK character, or a Latin prefix*. */
  prefix: boolean
  /** A CJK bigram: a match covers its second character too. */
  pair: boolean
}

/**
 * A term as a phrase of side-index tokens. Runs inside the term are written as the index writes
 * them (each ends with its last character alone, as a run in the text does before a separator);
 * the last run is left open, so it matches wherever it sits in a longer run of the text.
 */
export function sideQueryTokens(term: Term): QueryToken[] {
  const tokens: QueryToken[] = []
  term.words.forEach((word, w) => {
    const lastWord = w === term.words.length - 1
    const parts = sideTokens(word)
    parts.forEach((t, i) => {
      const last = lastWord && i === parts.length - 1
      if (!last) {
        tokens.push({ norm: t.norm, raw: word.slice(t.start, t.coverEnd), prefix: false, pair: t.cjk && t.coverEnd > t.end })
        return
      }
      if (!t.cjk) tokens.push({ norm: t.norm, raw: word.slice(t.start, t.end), prefix: term.prefix, pair: false })
      // The run's last character alone: covered by the bigram before it, or, when it is the
      // whole run, the prefix of any bigram it starts (or the same character at a run's end).
      else if (i > 0 && parts[i - 1]!.cjk && parts[i - 1]!.coverEnd === t.end) return
      else tokens.push({ norm: t.norm, raw: t.norm, prefix: true, pair: false })
    })
  })
  return tokens
}

/** The FTS5 string for a term in the side index (its tokens hold only word characters). */
export function sideFtsTerm(term: Term): string {
  const tokens = sideQueryTokens(term)
  const phrase = `"${tokens.map((t) => t.raw).join(' ')}"`
  return tokens.at(-1)?.prefix ? `${phrase}*` : phrase
}

export function termHasCjk(term: Term): boolean {
  return term.words.some(hasCjk)
}

export function queryHasCjk(query: ParsedQuery): boolean {
  return query.clauses.some((c) => c.some(termHasCjk)) || query.excluded.some(termHasCjk)
}

/**
 * The query as it applies to a row without CJK characters, where no CJK term can match: CJK
 * alternatives drop out of their clause and CJK exclusions exclude nothing. Null when some clause
 * has only CJK alternatives (then no such row can match).
 */
export function withoutCjk(query: ParsedQuery): ParsedQuery | null {
  const clauses: Term[][] = []
  for (const clause of query.clauses) {
    const kept = clause.filter((t) => !termHasCjk(t))
    if (kept.length === 0) return null
    clauses.push(kept)
  }
  return { ...query, clauses, excluded: query.excluded.filter((t) => !termHasCjk(t)) }
}

/** Where a term occurs in the text, as the side index matches it. */
export function sideTermRanges(tokens: readonly SideToken[], term: Term): { start: number; end: number }[] {
  const wanted = sideQueryTokens(term)
  const last = wanted.length - 1
  const ranges: { start: number; end: number }[] = []
  if (last < 0) return ranges
  for (let i = 0; i + last < tokens.length; i++) {
    let ok = true
    for (let k = 0; k <= last && ok; k++) {
      const q = wanted[k]!
      ok = q.prefix ? tokens[i + k]!.norm.startsWith(q.norm) : tokens[i + k]!.norm === q.norm
    }
    if (!ok) continue
    const end = tokens[i + last]!
    const q = wanted[last]!
    ranges.push({ start: tokens[i]!.start, end: q.pair ? end.coverEnd : end.end })
  }
  return ranges
}

/** The search's notice while older CJK rows are still being indexed (cjk-backfill.ts): a CJK search may miss them. */
export const CJK_INDEXING_NOTICE = 'Chinese, Japanese and Korean text imported before this version is still being indexed: some older matches may be missing.'
