import { isoFromDateText } from './date-text'
import { endsSentence, wordCount } from './line-shape'

/**
 * "By", and the word bylines open with in the languages analysts read most whose byline takes a
 * word before the names: German "Von", French "Par", Spanish and Portuguese "Por". Not Dutch
 * "Door" nor Italian "Di": an English headline may open with the one ("Door Handles Recalled"),
 * Italian surnames with the other. An interview's or a report's credit names its author the same
 * way ("Interview by Jane Doe", "Reported by Jane Doe").
 */
const BYLINE =
  /^(?:by|written by|words by|text by|story by|reported by|report by|interview by|interviewed by|von|par|por|author|autor|auteur|autore|автор|автори)\s*[:：]?\s+(\S.*)$/iu
/**
 * Bylines whose opening word is also how a title may start: Dutch "Door" ("Door Handles
 * Recalled" is an English headline) and Italian "di" in lower case ("Di Maio" is a surname). Read
 * only below a story's first line, where the title cannot be.
 */
const BYLINE_BELOW_TITLE = /^(?:Door|door|di)\s+(\S.*)$/u
/** A newsroom as the byline names it: "Door onze redactie economie", "By our correspondent". */
const NEWSROOM = /^(?:onze|our|notre|la nostra|unsere|unserer|nuestra|nossa)\s+(?:redactie|staff|newsroom|rédaction|redazione|redaktion|redacción|redação|correspondent|correspondente|correspondant|corrispondente|korrespondent(?:in)?)\b[^.!?]{0,40}$/iu
/** A wire service named after the reporters without a separator. */
const AGENCY_AFTER_NAMES = /\s+(?:the\s+)?(?:associated press|agence france-presse|bloomberg news|press association|pa media|canadian press|kyodo news|reuters|afp|ap)$/iu
/** Separators between the names and what follows them in a byline: "| Reuters", "· 3 Nov 2026". */
const SEGMENT = /\s+[|·•]\s+/u
/** Separators between names and a role: "Jane Doe, Staff writer", "Jane Doe — Reuters". */
const ROLE_SEPARATOR = /(,\s*|\s+[—–-]\s+)/u
const NAME_LIST_SEPARATOR = /\s*,\s*|\s+(?:and|&|und|et|y|e)\s+/u
const ROLE_WORDS =
  /\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist|chief|bureau|analyst|producer|photographer|journalist|special|senior|associate|contributing|fellow|professor|desk|team|news|agency|press|reuters|afp|ap|bloomberg|for|in|at|of|with)\b/iu
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'bin', 'ibn', 'ter', 'dos', 'das', 'y'])
/** Words that follow "By" in running text ("By Monday, …", "By The Time…") and are never a name. */
const NOT_NAMES = new Set(
  (
    'the this that these those then now far all way law contrast comparison default early late next last midnight noon ' +
    'christmas easter monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december tonight today tomorrow yesterday some most many one two'
  ).split(' ')
)
/** Bylines that name only an agency, or the newsroom ("Por Redacción", "Von dpa"), in any case. */
const AGENCIES = new Set([
  'reuters', 'afp', 'ap', 'bloomberg', 'tass', 'xinhua', 'dpa', 'staff', 'bbc', 'efe', 'ansa', 'lusa', 'anp', 'pap', 'upi', 'aap',
  'kyodo', 'yonhap', 'interfax', 'belga', 'apa', 'sda', 'ctk', 'mti', 'bta', 'redacción', 'redaccion', 'redaktion', 'rédaction',
  'redazione', 'redação', 'redacao', 'redactie', 'agencias', 'agences', 'agenturen'
])

/** A news agency or newsroom a byline or a dateline may name alone ("Reuters", "dpa", "EFE"). */
export function isNewsAgency(name: string): boolean {
  return AGENCIES.has(name.trim().toLowerCase())
}

function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) || /^(?:al|el|ad|bin)-\p{Lu}/u.test(word) || PARTICLES.has(word)
}

function isPersonName(name: string): boolean {
  const words = name.split(/\s+/u).filter(Boolean)
  const first = words[0]
  if (!first || words.length > 5) return false
  if (words.length === 1 && AGENCIES.has(first.toLowerCase())) return true
  if (NOT_NAMES.has(first.toLowerCase().replace(/['’]s$/u, ''))) return false
  if (PARTICLES.has(first) || !words.every(isNameWord)) return false
  // "Jane Doe Staff Writer": capitalised, but a role, not more of the name.
  if (words.slice(1).some((w) => ROLE_WORDS.test(w))) return false
  return words.length >= 2 || AGENCIES.has(first.toLowerCase()) || /^\p{Lu}{2,}$/u.test(first)
}

function isNameList(text: string): boolean {
  const names = text.split(NAME_LIST_SEPARATOR)
  return names.length > 0 && names.every(isPersonName)
}

/** "Jane Doe", or the names before a role that follows without a comma: "Jane Doe in Tallinn". */
function namesBeforeRole(text: string): string | null {
  if (isNameList(text)) return text
  const words = text.split(/\s+/u)
  const role = words.findIndex((w, k) => k > 0 && ROLE_WORDS.test(w))
  if (role < 0) return null
  const names = words.slice(0, role).join(' ')
  return isNameList(names) ? names : null
}

/**
 * The author named by a byline: "By Jane Doe, Staff writer" → "Jane Doe"; "By Jane Doe and John
 * Roe" → both. The role stays out of the author; a line that only starts like a byline
 * ("By Monday, the talks had…") is not one.
 */
export function bylineAuthor(line: string, belowTitle = false): string | null {
  if (line.length > 150 || wordCount(line) > 16) return null
  const match = BYLINE.exec(line) ?? (belowTitle ? BYLINE_BELOW_TITLE.exec(line) : null)
  if (!match) return null
  // "By JANE DOE and PETER ROE Associated Press": a wire byline names its agency after the names.
  const names = match[1]!.split(SEGMENT)[0]!.replace(AGENCY_AFTER_NAMES, '')
  if (NEWSROOM.test(names.trim())) return names.trim()
  if (endsSentence(names) && !/\b\p{Lu}\.$/u.test(names)) return null
  const parts = names.split(ROLE_SEPARATOR)
  let author = namesBeforeRole(parts[0]!.trim())
  if (author === null) return null
  for (let k = 2; k < parts.length; k += 2) {
    const part = parts[k]!.trim()
    if (ROLE_WORDS.test(part) || !isNameList(part)) break
    author += parts[k - 1]! + part
  }
  return author
}

/** The parts of a byline line after the names: "By Jane Doe | 3 Nov 2026" → ["3 Nov 2026"]. */
export function bylineExtras(line: string): string[] {
  return line.split(SEGMENT).slice(1)
}

/**
 * A credit line without "By", as reports and think tanks set one under the title: parts split by
 * "|", "·" or "•", one of them nothing but people's full names ("Policy Brief No. 14 · Amara
 * Castellanos and Teo Virtanen · 15 October 2026"). The names and the other parts, or null; the
 * caller decides what the other parts must be (a date), since names alone may be a list of anything.
 */
export function creditLineNames(line: string): { names: string; others: string[] } | null {
  if (line.length > 150 || wordCount(line) > 20) return null
  const parts = line.split(SEGMENT).map((p) => p.trim())
  if (parts.length < 2) return null
  const fullNames = (part: string) => isNameList(part) && part.split(NAME_LIST_SEPARATOR).every((name) => name.split(/\s+/u).length >= 2)
  const at = parts.findIndex(fullNames)
  return at < 0 ? null : { names: parts[at]!, others: parts.filter((_, k) => k !== at) }
}

/**
 * "Anna Lindqvist is a correspondent covering the Baltic states.": the note on the story's own
 * authors that sites print under it, opening with a name the byline gave, whole or its first or
 * last part ("Anna covers shipping…"), and the author box's line of the name alone above it. A
 * test for such lines, or null when the byline names no one in full.
 */
export function authorNote(author: string | null): ((text: string) => boolean) | null {
  const names = (author ?? '').split(/\s*(?:,|\band\b|&)\s*/u).filter((n) => n.split(/\s+/u).length >= 2)
  if (names.length === 0) return null
  const parts = names.flatMap((n) => {
    const words = n.split(/\s+/u)
    return [n, words[0]!, words.at(-1)!].filter((w) => w.length >= 3)
  })
  const escaped = parts.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const note = new RegExp(`^(?:${escaped})\\s+(?:is|was|has|covers|reports|writes|joined|leads|edits)\\b`, 'u')
  return (text) => names.includes(text) || (text.length <= 500 && note.test(text))
}

/** "By the Baltic Policy Institute": an organisation's name after "By", each word capitalised but its small words. */
const BY_ORGANISATION = /^by\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’&.-]*(?:\s+(?:of|for|and|&|on|in|the|de|du|des|\p{Lu}[\p{L}\p{M}'’&.-]*)){0,7})$/iu

/**
 * A line of parts, one a date and the others who wrote it ("Friday 6 November 2026 · By the
 * Baltic Policy Institute", "3 May 2026 | By Jane Doe"): the date, and the author, or the
 * organisation as the source. Null unless every part is one of these and both are there.
 */
export function datedCredit(line: string, language: string | null): { author: string | null; source: string | null; publishedAt: string } | null {
  if (line.length > 160) return null
  const parts = line.split(SEGMENT).map((p) => p.trim())
  if (parts.length < 2) return null
  let author: string | null = null
  let source: string | null = null
  let publishedAt: string | null = null
  for (const part of parts) {
    const date = part.length <= 60 ? isoFromDateText(part, language) : null
    const person = date ? null : bylineAuthor(part)
    const organisation = date || person ? null : BY_ORGANISATION.exec(part)?.[1]
    if (date) publishedAt ??= date
    else if (person) author ??= person
    else if (organisation) source ??= organisation
    else return null
  }
  return publishedAt && (author || source) ? { author, source, publishedAt } : null
}

/**
 * "Barcelona | 12 de marzo de 2026 - 18:42 CET": where the story was filed and when, as sites
 * print it under the byline. The date, or null when the line is not a place and a date.
 */
export function placeAndDate(line: string, language: string | null, anyLanguage?: (text: string) => string | null): string | null {
  if (line.length > 100) return null
  const parts = line.split(SEGMENT).map((p) => p.trim())
  if (parts.length !== 2) return null
  const read = (text: string) => isoFromDateText(text, language) ?? anyLanguage?.(text) ?? null
  // A place, not a byline ("By Jane Doe | 3 Nov 2026" is read as one elsewhere).
  const place = (text: string) => !BYLINE.test(text) && /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[\s-]+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}$/u.test(text)
  if (place(parts[0]!)) return read(parts[1]!)
  if (place(parts[1]!)) return read(parts[0]!)
  return null
}

/** "Posted on April 15, 2026 by Marta Nowak", "Published 3 May 2026 by Jane Doe": a blog's line. */
const POSTED_ON_BY = /^(?:posted|published|written|updated)(?:\s+on)?\s+(.{4,60}?)\s+by\s+(\S.{1,80})$/iu
/** "Posted by Marta Nowak on April 15, 2026". */
const POSTED_BY_ON = /^(?:posted|published|written)\s+by\s+(\S.{1,80}?)\s+on\s+(.{4,60})$/iu

/**
 * A blog's line of date and author, in either order; the two dates a theme prints glued together
 * ("April 15, 2026April 16, 2026": published, then updated) read as the first. Null when the line
 * is not one, or names no author or no date.
 */
export function postedLine(line: string, language: string | null): { author: string; publishedAt: string } | null {
  if (line.length > 160) return null
  const onBy = POSTED_ON_BY.exec(line)
  const byOn = onBy ? null : POSTED_BY_ON.exec(line)
  const [date, names] = onBy ? [onBy[1]!, onBy[2]!] : byOn ? [byOn[2]!, byOn[1]!] : [null, null]
  if (!date || !names) return null
  const first = date.split(/(?<=\d)\s*(?=\p{Lu})/u)[0]!
  const publishedAt = isoFromDateText(date, language) ?? isoFromDateText(first, language)
  const author = bylineAuthor(`By ${names.trim()}`)
  return publishedAt && author ? { author, publishedAt } : null
}

/**
 * A line of a story's head read as metadata: a byline (with the date it may carry, "By Jane Doe |
 * 3 November 2026"), a blog's "Posted on … by …", or a date line of its own; null when it is none.
 */
export function bylineOrDate(line: string, language: string | null, belowTitle = false): { author: string | null; publishedAt: string | null } | null {
  const posted = postedLine(line, language)
  if (posted) return posted
  const author = bylineAuthor(line, belowTitle)
  if (author) return { author, publishedAt: bylineExtras(line).map((extra) => isoFromDateText(extra, language)).find(Boolean) ?? null }
  const publishedAt = line.length <= 60 ? isoFromDateText(line, language) : null
  return publishedAt ? { author: null, publishedAt } : null
}

