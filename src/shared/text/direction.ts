/**
 * The direction a run of text is written in, from its letters. Pure: the reader, the panels and
 * every export use the same rule (docs/decisions/0028-text-direction-and-language.md).
 *
 * HTML's `dir="auto"` takes the first strong letter, which is wrong for the commonest mixed
 * paragraph an analyst reads: an Arabic report that opens with an English name or acronym
 * ("BBC قالت…"). Here the letters vote: the direction with more strong letters wins, and a block
 * with no letters at all (a date, a row of numbers) takes the article's direction.
 */
export type Direction = 'ltr' | 'rtl'

/** Scripts whose letters are strong right-to-left (Unicode Bidi_Class R or AL). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}]/u
const LETTER = /\p{L}/gu

/** Past this many characters the vote is settled; a long block is not read to its end. */
const SAMPLE = 4000

/** How many strong right-to-left and left-to-right letters the text holds (within the sample). */
export function directionVotes(text: string): { rtl: number; ltr: number } {
  let rtl = 0
  let ltr = 0
  for (const [letter] of text.slice(0, SAMPLE).matchAll(LETTER)) {
    if (RTL_LETTER.test(letter)) rtl++
    else ltr++
  }
  return { rtl, ltr }
}

const ANY_LETTER = /\p{L}/u

/** The text's direction by its letters' vote, or `fallback` when it has no letters or a tie. */
export function textDirection(text: string, fallback: Direction | null = null): Direction | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text
  // Most text has no right-to-left letter at all: one scan by the regex engine settles the vote
  // without counting letters one by one (the reader asks this of every block of a long article).
  if (!RTL_LETTER.test(sample)) return ANY_LETTER.test(sample) ? 'ltr' : fallback
  const { rtl, ltr } = directionVotes(sample)
  if (rtl > ltr) return 'rtl'
  if (ltr > rtl) return 'ltr'
  return fallback
}

/** Languages written right to left (BCP 47 primary subtags), for a language known before any text is read. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha-arab', 'he', 'iw', 'khw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

/** The direction a language is written in: from its script subtag when it has one (az-Arab, uz-Cyrl), else its usual one. */
export function languageDirection(tag: string | null | undefined): Direction | null {
  if (!tag || tag === 'und') return null
  const parts = tag.toLowerCase().split(/[-_]/)
  const script = parts.find((p, i) => i > 0 && p.length === 4)
  if (script) return ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'samr', 'mand'].includes(script) ? 'rtl' : 'ltr'
  return RTL_LANGUAGES.has(parts[0]!) ? 'rtl' : 'ltr'
}

/** The `dir` attribute for a piece of text shown on its own (a quote, a snippet, a title): its letters' vote, else the browser's first-letter rule. */
export function dirAttribute(text: string): Direction | 'auto' {
  return textDirection(text) ?? 'auto'
}

/**
 * The language right-to-left letters most likely belong to, where nothing better is known (a quote
 * in a brief): Hebrew script is Hebrew; Arabic script with letters only Persian or Urdu use is
 * that language, else Arabic. For Word's run language, so its spelling and shaping are right.
 */
export function rtlScriptLanguage(text: string): string | null {
  if (/\p{Script=Hebrew}/u.test(text)) return 'he'
  if (!/\p{Script=Arabic}/u.test(text)) return null
  if (/[ٹڈڑںےۓھ]/u.test(text)) return 'ur'
  if (/[پچژگکی]/u.test(text)) return 'fa'
  return 'ar'
}
