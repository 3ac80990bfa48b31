import { de, en, es, fr, it, ja, nl, pt, ru, uk, zh, type ParsedComponents, type ParsedResult } from 'chrono-node'

/**
 * Dates as scrapes print them ("Feb. 13, 2025", "14 September 2026", "2026-03-04",
 * "3 Nov 2026 10:15"), read by chrono's strict English parser; for a page in German, French,
 * Spanish, Portuguese, Italian, Dutch, Japanese, Chinese, Russian or Ukrainian, by that
 * language's parser first ("2. Dezember 2026, 06:00 Uhr", "Publié le 3 décembre 2026 à 07h30",
 * "2026年12月5日 7時30分"). Only dates with a certain year, month and day count: a publication
 * date is never guessed from "Monday" or "March 4".
 */

/** Fixed so the result never depends on the day the import runs. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))

type Parser = typeof en.strict

/** Each language's parser, and the words that may surround a date on its date lines. */
const LANGUAGES: Record<string, { parser: Parser; filler: string }> = {
  en: { parser: en.strict, filler: 'at on and first last published updated posted modified date dated' },
  de: { parser: de.strict, filler: 'am um uhr und veröffentlicht aktualisiert zuletzt stand vom datum erstellt' },
  fr: { parser: fr.strict, filler: 'le à a et publié publiée mis jour modifié modifiée actualisé date du' },
  es: { parser: es.strict, filler: 'el a las la y publicado publicada actualizado actualizada fecha de' },
  pt: { parser: pt.strict, filler: 'em às as a e publicado publicada atualizado atualizada data de' },
  it: { parser: it.strict, filler: 'il alle le e pubblicato pubblicata aggiornato aggiornata data del' },
  nl: { parser: nl.strict, filler: 'op om en gepubliceerd bijgewerkt datum laatst' },
  ja: { parser: ja.strict, filler: '公開日 更新日 公開 更新 配信 掲載 日時' },
  zh: { parser: zh.strict, filler: '发布时间 發布時間 更新时间 更新時間 发布 發布 日期 时间 時間' },
  ru: { parser: ru.strict, filler: 'опубликовано обновлено дата публикации г в' },
  uk: { parser: uk.strict, filler: 'опубліковано оновлено дата публікації року р о' }
}
const FILLER_WORDS = new Map(Object.entries(LANGUAGES).map(([code, l]) => [code, new Set(l.filler.split(' '))]))

/** What may surround the date on a date line besides the date itself: separators, a time, the language's words. */
function onlyFiller(rest: string, language: string): boolean {
  const words = FILLER_WORDS.get(language)!
  return rest
    .split(/[\s,.|·•:：、，()/–—-]+/u)
    .filter(Boolean)
    .every((token) => words.has(token.toLowerCase()) || /^\d{1,2}[:h.]\d{2}$/u.test(token))
}

function parse(text: string, parser: Parser): ParsedResult[] {
  try {
    return parser.parse(text, REFERENCE)
  } catch {
    // A parser failure on odd input means no date, never a failed import.
    return []
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function offset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function isoDate(c: ParsedComponents): string | null {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null
  const year = c.get('year')
  const month = c.get('month')
  const day = c.get('day')
  if (year === null || month === null || day === null || year < 1000 || year > 9999) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function isoTime(c: ParsedComponents): string {
  const time = `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}:${pad(c.isCertain('second') ? (c.get('second') ?? 0) : 0)}`
  const tz = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null
  return tz === null ? time : time + offset(tz)
}

/**
 * The ISO date (YYYY-MM-DD), or date-time when the text gives a time, when `text` is nothing
 * but a date and filler (separators, a time, words such as "published"); otherwise null.
 * `language` (a BCP 47 tag, the page's) picks the parser tried first.
 */
export function isoFromDateText(text: string, language?: string | null): string | null {
  const own = language?.slice(0, 2).toLowerCase()
  return isoTrying(text, own && own !== 'en' && LANGUAGES[own] ? [own, 'en'] : ['en'])
}

/**
 * The same for a line of unknown language (plain text carries none): English first, then each
 * other language the parsers know. For the lines around a story's head, where a date line is
 * expected and the rest of the line must be that language's filler words.
 */
export function isoFromDateTextInAnyLanguage(text: string): string | null {
  return isoTrying(text, ALL_LANGUAGES)
}

const ALL_LANGUAGES = Object.keys(LANGUAGES)

/** The first of `languages` whose parser reads `text` as a date line. */
function isoTrying(text: string, languages: readonly string[]): string | null {
  if (text.length > 100 || !/\d/.test(text)) return null
  for (const language of languages) {
    const iso = isoIn(text, language)
    if (iso) return iso
  }
  return null
}

function isoIn(text: string, language: string): string | null {
  const results = parse(text, LANGUAGES[language]!.parser)
  const first = results[0]
  // "2 hours ago", "il y a 3 jours": relative to a moment the text does not say (its scrape's, not
  // the import's), so no date at all rather than one counted from the parser's reference day.
  if (!first || first.tags().has('result/relativeDate')) return null
  const date = isoDate(first.start)
  if (!date) return null
  let rest = text
  for (const r of [...results].sort((a, b) => b.index - a.index)) {
    rest = rest.slice(0, r.index) + ' ' + rest.slice(r.index + r.text.length)
  }
  if (!onlyFiller(rest, language)) return null
  // "September 14, 2026 | 10:15 PM EST": chrono reads the time as a second result.
  const timed = first.start.isCertain('hour') ? first.start : results.slice(1).find((r) => r.start.isCertain('hour') && !r.start.isCertain('day'))?.start
  return timed ? `${date}T${isoTime(timed)}` : date
}

/** True when `text` is a full date and nothing else. */
export function completeDate(text: string): boolean {
  return isoFromDateText(text) !== null
}
