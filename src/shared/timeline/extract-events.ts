import * as chrono from 'chrono-node'
import { DATE_LOCALES } from '../entities/language'
import { splitSentences } from './sentences'

import { PRECISIONS, type Precision } from './precision'

export { PRECISIONS, type Precision }

/** A dated statement found in an article. Offsets are in the canonical text. */
export interface ExtractedEvent {
  /** ISO date at its precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string
  /** The end of a range ("between February and August 2025"), at the same precision, or null. */
  dateEnd: string | null
  precision: Precision
  sentence: string
  /** The sentence's offsets. */
  start: number
  end: number
  /** The date expression's offsets ("last week"). */
  textStart: number
  textEnd: number
}

export interface EventInput {
  text: string
  /** Publication date (ISO) of the article: the reference for "on Sunday", "last week". */
  published?: string | null
  language?: string | null
}

type Chrono = typeof chrono.en.casual
const CHRONOS: Record<string, Chrono> = {
  en: chrono.en.casual, de: chrono.de.casual, fr: chrono.fr.casual, ja: chrono.ja.casual, pt: chrono.pt.casual,
  nl: chrono.nl.casual, zh: chrono.zh.casual, ru: chrono.ru.casual, es: chrono.es.casual, uk: chrono.uk.casual,
  it: chrono.it.casual, sv: chrono.sv.casual, fi: chrono.fi.casual, vi: chrono.vi.casual, id: chrono.id.casual, ar: chrono.ar.casual
}
// For an article of unknown language: English first, then the strict parsers, which take only full dates.
const STRICT_FALLBACKS: Chrono[] = [chrono.fr.strict, chrono.de.strict, chrono.es.strict, chrono.ru.strict, chrono.pt.strict, chrono.it.strict, chrono.nl.strict] as unknown as Chrono[]

interface Found {
  index: number
  length: number
  start: { year: number; month: number; day: number; precision: Precision }
  end: { year: number; month: number; day: number; precision: Precision } | null
}

/**
 * Events from dated sentences, in the article's language (chrono-node's locales), with relative
 * dates resolved against the publication date. A date line of its own (the publication date
 * above the story) is no event.
 */
export function extractEvents(input: EventInput, language: string): ExtractedEvent[] {
  const reference = referenceDate(input.published)
  const sentences = splitSentences(input.text, language)
  const parsers = DATE_LOCALES.has(language) ? [CHRONOS[language]!] : [chrono.en.casual, ...STRICT_FALLBACKS]
  const events: ExtractedEvent[] = []
  for (const sentence of sentences) {
    let found: Found[] = []
    for (const parser of parsers) {
      found = parseDates(parser, sentence.text, reference)
      if (found.length) break
    }
    found.push(...bareYears(sentence.text, language, found))
    found.sort((a, b) => a.index - b.index)
    for (const f of joinRanges(found, sentence.text)) {
      const textStart = sentence.start + f.index
      if (isDateLine(input.text, textStart, f.length)) continue
      const precision = f.end && rank(f.end.precision) > rank(f.start.precision) ? f.end.precision : f.start.precision
      events.push({
        date: iso(f.start, precision),
        dateEnd: f.end ? iso(f.end, precision) : null,
        precision,
        sentence: sentence.text,
        start: sentence.start,
        end: sentence.end,
        textStart,
        textEnd: textStart + f.length
      })
    }
  }
  return events
}

function referenceDate(published?: string | null): { instant: Date; timezone: number } | undefined {
  if (!published) return undefined
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published)
  if (!m) return undefined
  // Noon UTC, so no time zone moves "yesterday" across midnight.
  return { instant: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1), 12)), timezone: 0 }
}

function parseDates(parser: Chrono, text: string, reference: { instant: Date; timezone: number } | undefined): Found[] {
  const out: Found[] = []
  for (const r of parser.parse(text, reference)) {
    const start = components(r.start, r.tags())
    if (!start) continue
    // Without a publication date, "on Sunday" or "April 23" cannot be placed: only full dates count.
    if (!reference && (!r.start.isCertain('year') || [...r.tags()].some((t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference')))) continue
    // "may" the verb, "march" the walk: a month name alone must be capitalised where case exists.
    if (/^(?:may|march)$/.test(r.text.trim())) continue
    out.push({ index: r.index, length: r.text.length, start, end: r.end ? components(r.end, r.tags()) : null })
  }
  return out
}

function components(c: chrono.ParsedComponents, tags: Set<string>): Found['start'] | null {
  const relative = [...tags].some((t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference'))
  let precision: Precision
  if (c.isCertain('day') || c.isCertain('weekday') || relative) precision = 'day'
  else if (c.isCertain('month')) precision = 'month'
  else if (c.isCertain('year')) precision = 'year'
  else return null // a time alone ("at 5pm")
  return { year: c.get('year')!, month: c.get('month')!, day: c.get('day')!, precision }
}

// A year standing alone after a preposition: "in 2019", "en 2019", "в 2019 году", "منذ 2019".
const YEAR_CONTEXT: Record<string, RegExp> = {
  en: /\b(?:in|since|by|until|from|during|before|after|early|late|mid-?)\s+((?:19|20)\d{2})\b(?![-–/.]?\d)/giu,
  fr: /\b(?:en|depuis|dès|avant|après|jusqu'en)\s+((?:19|20)\d{2})\b(?![-–/.]?\d)/giu,
  de: /\b(?:im Jahr|seit|bis|ab|vor|nach)\s+((?:19|20)\d{2})\b(?![-–/.]?\d)/giu,
  es: /\b(?:en|desde|hasta|antes de|después de)\s+((?:19|20)\d{2})\b(?![-–/.]?\d)/giu,
  ru: /(?<!\p{L})(?:в|с|до|после|к)\s+((?:19|20)\d{2})\s+год/giu,
  uk: /(?<!\p{L})(?:у|в|з|до|після)\s+((?:19|20)\d{2})\s+р/giu,
  ar: /(?:في|عام|منذ|حتى)\s+((?:19|20)\d{2})(?!\d)/gu
}

function bareYears(text: string, language: string, found: Found[]): Found[] {
  const pattern = YEAR_CONTEXT[language] ?? YEAR_CONTEXT.en!
  const out: Found[] = []
  for (const m of text.matchAll(pattern)) {
    const index = m.index + m[0].indexOf(m[1]!)
    if (found.some((f) => index < f.index + f.length && f.index < index + 4)) continue
    out.push({ index, length: 4, start: { year: Number(m[1]), month: 1, day: 1, precision: 'year' }, end: null })
  }
  return out
}

/** "between February and August 2025", "from May to July": two dates joined into a range. */
function joinRanges(found: Found[], text: string): Found[] {
  const out: Found[] = []
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!
    const b = found[i + 1]
    if (b && !a.end && !b.end) {
      const gap = text.slice(a.index + a.length, b.index)
      const before = text.slice(Math.max(0, a.index - 12), a.index)
      if (/^\s*(?:-|–|—|to|until|till|through|au|à|bis|al|до|по|و|إلى)\s*$/iu.test(gap) || (/^\s*(?:and|et|und|y|и)\s*$/iu.test(gap) && /(?:between|entre|zwischen|между|بين)\s*$/iu.test(before))) {
        const start = { ...a.start }
        // "February" takes its year from "August 2025".
        if (start.precision !== 'year' && b.start.year !== start.year && !/\d{4}/.test(text.slice(a.index, a.index + a.length))) start.year = b.start.year
        // The expression includes its "between" or "from".
        const lead = /(?<!\p{L})(?:between|from|entre|zwischen|между|с|بين|من)\s*$/iu.exec(before)?.[0].length ?? 0
        out.push({ index: a.index - lead, length: b.index + b.length - a.index + lead, start, end: b.start })
        i++
        continue
      }
    }
    out.push(a)
  }
  return out
}

/** A block that is little more than the date: the publication line, not an event. */
function isDateLine(text: string, at: number, length: number): boolean {
  const blockStart = text.lastIndexOf('\n', at) + 1
  const next = text.indexOf('\n', at + length)
  const blockEnd = next < 0 ? text.length : next
  return blockEnd - blockStart - length < 25 && !/[.!?]\s*$/.test(text.slice(blockStart, blockEnd).replace(/\d{4}\.$/, ''))
}

const rank = (p: Precision): number => PRECISIONS.indexOf(p)

function iso(d: { year: number; month: number; day: number }, precision: Precision): string {
  const y = String(d.year).padStart(4, '0')
  const m = String(d.month).padStart(2, '0')
  if (precision === 'year') return y
  if (precision === 'month') return `${y}-${m}`
  return `${y}-${m}-${String(d.day).padStart(2, '0')}`
}
