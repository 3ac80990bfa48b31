/**
 * Shape tests on a single line of text. They stay script-neutral where they can: CJK and Arabic
 * punctuation end sentences too, and nothing here treats a script as noise.
 */

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？؟][\s"'”’»›)\]」』]*$/u
const CLOSING_QUOTE_END = /["”’»」』]$/u
/** Endings that mark a line as a fragment of running text rather than a headline. */
const CLAUSE_END = /[.。,;:，、；：…]$/u
const ANY_TERMINAL = /[.!?…。！？؟:;,，、；：][\s"'”’»›)\]」』]*$/u
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text)
}

/**
 * A full sentence of running text: eight words or more, ending like a sentence. The cleaner never
 * removes such a line unless an explicit chrome rule names it ("We use cookies to…").
 */
export function isFullSentence(text: string): boolean {
  return wordCount(text) >= 8 && (SENTENCE_END.test(text) || CLOSING_QUOTE_END.test(text))
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text)
}

/** A headline or label: short, not a sentence, not the middle of one. */
export function isHeadlineLike(text: string): boolean {
  return (
    text.length <= 200 &&
    wordCount(text) <= 25 &&
    !isFullSentence(text) &&
    !CLAUSE_END.test(text) &&
    !startsLowercase(text) &&
    /\p{L}/u.test(text)
  )
}

/** A section heading inside the body: a handful of words with no punctuation to close it. */
export function isHeadingShaped(text: string): boolean {
  return (
    text.length <= 100 &&
    wordCount(text) <= 10 &&
    !ANY_TERMINAL.test(text) &&
    /^["“‘'(]?[\p{Lu}\p{N}]/u.test(text) &&
    /\p{L}/u.test(text)
  )
}

/**
 * Link text from a menu or a list of teasers: a few words, no sentence punctuation. Only Latin
 * text qualifies, because the chrome rules only know English: an unrecognised line in another
 * script is not chrome just for being unrecognised.
 */
export function isNavigationLike(text: string): boolean {
  return (
    wordCount(text) <= 6 &&
    !SENTENCE_END.test(text) &&
    !/[.!?]\s/u.test(text) &&
    !NON_LATIN_LETTER.test(text)
  )
}

/** Running text: what ends the header of an article and what a section heading must lead into. */
export function isProse(text: string): boolean {
  return !isHeadlineLike(text) && !isNavigationLike(text)
}

/**
 * The line opens running text: it is prose, or it opens a paragraph whose hard-wrapped sentence
 * carries it on to the next line, which then starts in lower case (the first line alone may read
 * like a headline: "Shipments through the northern corridor fell by a third in the").
 */
export function opensRunningText(line: { text: string; first: boolean; last: boolean }, next: { text: string } | undefined): boolean {
  return isProse(line.text) || (line.first && !line.last && next !== undefined && startsLowercase(next.text))
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st jr sr gen gov sen rep prof lt col capt sgt no vs etc jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec inc corp ltd co ave mt ft fig approx est dept univ'
  ).split(' ')
)

/** Sentences in a line, not counting the stops of abbreviations ("Feb.", "Mr.") and initials ("U.S."). */
export function sentenceCount(text: string): number {
  const tokens = text.split(/\s+/u).filter(Boolean)
  let count = 1
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!
    const next = tokens[i + 1]!
    if (!/[.!?…][”’"')]*$/u.test(token) || !/^["“‘'(]?[\p{Lu}\p{N}]/u.test(next)) continue
    const bare = token.replace(/[”’"')]+$/u, '')
    if (/^(?:\p{L}\.)+$/u.test(bare)) continue
    if (ABBREVIATIONS.has(bare.replace(/^["“‘'(]+/u, '').replace(/\.$/, '').toLowerCase())) continue
    count++
  }
  return count
}
