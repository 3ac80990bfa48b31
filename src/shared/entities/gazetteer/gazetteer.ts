// Read as text and parsed once: 36,000 names would make the type checker infer a huge literal type.
import PLACES_JSON from './places.json?raw'

/** A place name in the gazetteer: the id ("country:FR", "city:Kinshasa") and its English name. */
export interface Place {
  id: string
  name: string
}

export interface PlaceMatch {
  start: number
  end: number
  place: Place
}

/**
 * Countries (i18n-iso-countries) and major cities (CLDR exemplar cities), each under its names in
 * ~80–200 languages; built by scripts/build-gazetteer.mjs. Lookup is by whole words, longest name
 * first, and case-sensitive where the script has case ("Chad" the country, never "chad").
 *
 * Inflected languages name a place with endings ("в Москве", "Украины") or prefixes ("بموسكو"):
 * a word also matches a name when both share a stem of four letters or more and only a short
 * ending or a one-letter Arabic prefix differs.
 */
export class Gazetteer {
  private readonly exact = new Map<string, Place>()
  private readonly english = new Map<string, Place>()
  private readonly stems = new Map<string, Place>()
  private readonly maxWords: number

  constructor(rows: readonly (readonly (string | number)[])[] = JSON.parse(PLACES_JSON) as (string | number)[][]) {
    let maxWords = 1
    for (const [id, englishCount, ...names] of rows) {
      const first = names[0]
      if (typeof id !== 'string' || typeof englishCount !== 'number' || typeof first !== 'string') continue
      const place = { id, name: first }
      for (const [k, name] of (names as string[]).entries()) {
        const key = normaliseKey(name)
        if (!this.exact.has(key)) this.exact.set(key, place)
        if (k < englishCount && !this.english.has(key)) this.english.set(key, place)
        const words = key.split(' ')
        maxWords = Math.max(maxWords, words.length)
        if (words.length === 1 && CYRILLIC.test(key)) {
          const stem = cyrillicStem(key)
          if (stem && !this.stems.has(stem)) this.stems.set(stem, place)
        }
      }
    }
    this.maxWords = Math.min(maxWords, 6)
  }

  /**
   * The place a name stands for, or undefined. In an English article a name in Latin letters must
   * be an English one: other languages' names collide with English words ("Israeli" is Swahili
   * for Israel).
   */
  lookup(name: string, english = false): Place | undefined {
    const key = normaliseKey(name)
    return english && LATIN.test(key) ? this.english.get(key) : this.exact.get(key)
  }

  /** Every place named in the text, longest names first, never overlapping. */
  find(text: string, english = false): PlaceMatch[] {
    const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
    const found: PlaceMatch[] = []
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!
      if (!startsLikeName(first.text)) continue
      let match: PlaceMatch | undefined
      // Longest first: "United Arab Emirates" before "United".
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1 && !match; n--) {
        const last = words[i + n - 1]!
        const gapOk = words.slice(i, i + n - 1).every((w, k) => /^[\s\u00a0]*[-\s\u00a0]?[\s\u00a0]*$/.test(text.slice(w.end, words[i + k + 1]!.start)))
        if (!gapOk) continue
        const span = text.slice(first.start, last.end)
        const place = this.lookup(span, english)
        if (place) match = { start: first.start, end: last.end, place }
        else if (n === 1) match = this.inflected(first)
      }
      if (match) {
        found.push(match)
        while (i + 1 < words.length && words[i + 1]!.start < match.end) i++
      }
    }
    return found
  }

  private inflected(word: { start: number; end: number; text: string }): PlaceMatch | undefined {
    if (CYRILLIC.test(word.text)) {
      const stem = cyrillicStem(word.text.normalize('NFC'))
      const place = stem ? this.stems.get(stem) : undefined
      return place && word.text.length - stem!.length <= 3 ? { ...word, place } : undefined
    }
    // Arabic: و (and), ب (in), ل (to), ف, ك glued to the name; "الروسية" stays unmatched.
    if (ARABIC.test(word.text) && /^[وبلفك]/.test(word.text)) {
      for (const cut of [1, 2]) {
        const rest = word.text.slice(cut)
        if (cut === 2 && !/^[وف][بل]/.test(word.text)) continue
        const place = this.exact.get(rest)
        if (place) return { start: word.start + cut, end: word.end, place }
      }
    }
    return undefined
  }
}

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.]*(?<![.'’])/gu
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u
const ARABIC = /\p{Script=Arabic}/u

/** A name starts with a capital in scripts that have case, and with any letter in those that do not. */
function startsLikeName(word: string): boolean {
  const first = word[0]!
  return first !== first.toLowerCase() || first === first.toUpperCase()
}

function normaliseKey(name: string): string {
  return name.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').replace(/\s*-\s*/g, '-').trim()
}

/** Russian and Ukrainian case endings cut off a proper name ("Москве", "Москвы" → "Москв"). */
function cyrillicStem(word: string): string | null {
  const stem = word.replace(/(?:ией|ию|ии|ия|ой|ей|ом|ем|ам|ах|у|ю|а|я|е|ы|и|і|ї|ь|й|о)$/u, '')
  return stem.length >= 4 ? stem : null
}
