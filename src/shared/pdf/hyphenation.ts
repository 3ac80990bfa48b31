/**
 * Words broken at a line end. A PDF keeps no trace of whether "regu-" at the end of a line was
 * a hyphen the typesetter added or one the author wrote ("high-risk"), so the document itself is
 * the dictionary: how it writes the word where no line break interferes decides.
 *
 * The rule, in order (first match wins):
 * 1. a soft hyphen (U+00AD) is always the typesetter's: join;
 * 2. either side is not a letter ("2019-", "-2020"): keep the hyphen, no space;
 * 3. the document writes "prefix-suffix" elsewhere: keep the hyphen;
 * 4. it writes "prefixsuffix" elsewhere: join;
 * 5. the second part starts with a capital ("Franco-German", "non-EU"): keep;
 * 6. the first part is a prefix that takes a hyphen in English ("self-", "non-", "well-"): keep;
 * 7. the second part is only a word ending ("-tion", "-ment", "-ing"): join;
 * 8. both parts are words of three letters or more found elsewhere ("high", "risk"): keep;
 * 9. otherwise join ("regu-late": "regu" is no word).
 */
export class Hyphenation {
  private readonly words = new Set<string>()
  private readonly hyphenated = new Set<string>()

  /** Reads a line's words into the dictionary, leaving out the parts of a word broken at its ends. */
  addLine(text: string, brokenAtStart: boolean, brokenAtEnd: boolean): void {
    const tokens = text.match(WORD_RE) ?? []
    const from = brokenAtStart ? 1 : 0
    const to = brokenAtEnd && /[-\u2010\u00AD]$/.test(text) ? tokens.length - 1 : tokens.length
    for (let i = from; i < to; i++) {
      const token = tokens[i]!.toLowerCase()
      if (token.includes('-')) {
        this.hyphenated.add(token)
        for (const part of token.split('-')) this.words.add(part)
      } else {
        this.words.add(token)
      }
    }
  }

  /** Joins a line ending in a hyphen to the next line's text. */
  join(before: string, after: string): string {
    const hyphen = before.at(-1)!
    const head = before.slice(0, -1)
    if (hyphen === '\u00AD') return head + after
    const prefix = head.match(/[\p{L}\p{M}]+$/u)?.[0] ?? ''
    const suffix = after.match(/^[\p{L}\p{M}]+/u)?.[0] ?? ''
    if (!prefix || !suffix) return before + after
    const keep = () => `${head}-${after}`
    const joined = () => head + after
    const p = prefix.toLowerCase()
    const s = suffix.toLowerCase()
    if (this.hyphenated.has(`${p}-${s}`)) return keep()
    if (this.words.has(p + s)) return joined()
    if (/^\p{Lu}/u.test(suffix)) return keep()
    if (HYPHEN_PREFIXES.has(p)) return keep()
    if (WORD_ENDINGS.has(s)) return joined()
    if (p.length >= 3 && s.length >= 3 && this.words.has(p) && this.words.has(s)) return keep()
    return joined()
  }
}

const WORD_RE = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu

/** A line that ends in a hyphen after a letter: possibly a broken word. */
export function endsBroken(text: string): boolean {
  return /[\p{L}\p{M}][-\u2010\u00AD]$/u.test(text)
}

const HYPHEN_PREFIXES = new Set(['self', 'non', 'well', 'cross', 'half', 'quasi'])

const WORD_ENDINGS = new Set([
  'tion', 'tions', 'sion', 'sions', 'ment', 'ments', 'ing', 'ings', 'ed', 'ly', 'ness', 'ity', 'ities', 'ance', 'ances',
  'ence', 'ences', 'ous', 'ive', 'ives', 'al', 'als', 'able', 'ible', 'ism', 'isms', 'ist', 'ists', 'ize', 'ise', 'ized',
  'ised', 'izes', 'ises', 'ship', 'ships', 'ture', 'tures', 'ary', 'ery', 'ory', 'cy', 'ic', 'ical', 'er', 'ers', 'est',
  'ful', 'less', 'ward', 'wards', 'tive', 'tives', 'ation', 'ations', 'ity', 'ty', 'ties', 'ies', 'ent', 'ant', 'ents', 'ants'
])
