import { httpUrl } from '../import/http-url'
import { keptBlocks, type Block } from '../document/article-document'
import { FOREIGN_ORG_WORDS, ORG_HEADS, ORG_SUFFIXES } from '../entities/names/word-lists'
import { CHROME } from './chrome-rules'
import { authorNote, bylineAuthor, bylineExtras, datedCredit, placeAndDate, postedLine } from './byline'
import { isoFromDateText, isoFromDateTextInAnyLanguage } from './date-text'
import { isProse, wordCount } from './line-shape'
import { removed, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

export interface FoundMetadata {
  author: string | null
  source: string | null
  url: string | null
  publishedAt: string | null
}

export const METADATA = {
  byline: 'byline',
  published: 'publication date',
  updated: 'update date',
  emptyField: 'empty metadata field',
  source: 'source',
  sourceUrl: 'source URL',
  readingTime: 'reading time',
  credits: 'credits',
  /** "Topics: Lithuania, Strikes, Shipping": the site's filing, not the analyst's tags. */
  topics: 'topics',
  /** "Jane Doe is a correspondent covering…", under the story. */
  authorBio: 'about the author',
  /** "Disclosure statement / Jane Doe receives funding from…": the author's declared interests. */
  disclosure: 'disclosure statement'
} as const

const FIELD_NAMES =
  'date|published|updated|posted|author|authors|by|byline|source|url|link|original|tags|category|categories|title|location|dateline|section|keywords'
const EMPTY_FIELD = new RegExp(`^(?:${FIELD_NAMES})\\s*:$`, 'iu')
const URL_LABEL = /^(?:source|original|url|link)\s*:$/iu
const URL_FIELD = /^(?:source|original|url|link|source url|original url)\s*:\s*(https?:\/\/\S+)$/iu
const LONE_URL = /^https?:\/\/\S+$/iu
const AUTHOR_FIELD = /^(?:author|authors|byline)\s*:\s*(\S.*)$/iu
const SOURCE_FIELD = /^source\s*:\s*(\S.{0,99})$/iu
/** A press-release wire's last line, the issuer after a capitalised "SOURCE": "SOURCE Halvorsen Logistics ASA". */
const WIRE_SOURCE = /^SOURCE\s+(\p{Lu}[^.!?:]{1,99})$/u
/** The site's own filing of the story: labels and a list, never a sentence. */
export const TOPICS_FIELD =
  /^(?:tags?|topics?|related topics|filed under|categories|category|keywords|subjects?|more on|themen|schlagworte|schlagwörter|mehr zu|sujets|mots-clés|thèmes|temas|etiquetas|argomenti|tópicos|assuntos|onderwerpen|lees meer over|meer over|tematy|tagi|темы|теги)\s*:\s*\S[^.!?]{0,200}$/iu
const DATE_LABEL = /^(?:(?:first\s+)?published|posted|dated?|(?:last\s+)?updated|(?:last\s+)?modified)\b/iu
const UPDATED = /updated|modified|modifié|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt/iu
/** "4 min read", "Reading Time: 3 mins read", "Temps de lecture : 4 min.", "Lesezeit: 3 Minuten". */
const READING_TIME =
  /^(?:\d+\s*(?:min|mins|minutes?)\.?\s+read|(?:reading time|read time|temps de lecture|lesezeit|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd)\s*[:：]?\s*(?:ca\.\s*)?\d+\s*(?:min|mins|minutes?|minuten|minutos|minuti)\.?(?:\s+read)?)$/iu
/**
 * A wire story's credits: "Reporting by Jane Doe in Riga; Editing by John Roe". A sentence that
 * opens the same way ("Reporting by the BBC showed that…") ends as one and names no second role.
 */
const CREDIT_ROLE = '(?:(?:additional\\s+)?reporting|writing|editing|compiled|research)\\s+by\\s'
const CREDITS = new RegExp(`^${CREDIT_ROLE}+\\S`, 'iu')
const MORE_CREDITS = new RegExp(`;\\s*${CREDIT_ROLE}`, 'iu')
/** "Updated 2 hours ago", "5 min ago": when a news app last showed the story, relative to a moment the text does not keep. */
const RELATIVE_DATE = new RegExp(
  '^(?:((?:last\\s+)?updated|published|posted|aktualisiert|veröffentlicht|actualisé|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato|bijgewerkt)\\s*:?\\s*)?' +
    '(?:(?:vor|il y a|hace|há)\\s+\\d{1,3}\\s*(?:sekunden|minuten|min\\.?|std\\.?|stunden|tagen|wochen|secondes?|minutes?|heures?|h|jours?|semaines?|segundos?|minutos?|horas?|días?|dias?|semanas?)' +
    '|\\d{1,3}\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|minuti|ore|giorni|minuten|uur|dagen)\\s+(?:ago|fa|geleden))$',
  'iu'
)
/** The reason to set a relative date line aside ("Updated 2 hours ago"), or null when the line is none. */
export function relativeDateReason(text: string): string | null {
  const relative = RELATIVE_DATE.exec(text.trim())
  return relative ? (relative[1] !== undefined && UPDATED.test(relative[1]) ? METADATA.updated : METADATA.published) : null
}

/**
 * What a news theme's share bar leaves in a copy of its header: counters and their labels, one to
 * a line ("0", "SHARES", "12", "VIEWS", "1.2k shares"), and the text-size buttons ("A A", "A+ A-").
 * Never the story's own words, but only in the header: a lone number in the story may be a table's.
 */
const HEADER_COUNTER = /^(?:\d[\d.,]*\s*[km]?|(?:\d[\d.,]*\s*[km]?\s+)?(?:shares?|views?|comments?|likes?|reads?|reactions?))$/iu
const TEXT_SIZE = /^(?:a[+-]?\s+){1,3}a[+-]?$/iu
/**
 * "in Europe, Shipping": the sections a news theme files the story under, printed after its
 * byline and date. Capitalised labels after "in", right under them.
 */
const FILED_IN = /^in\s+\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,2}(?:\s*,\s*\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,2}){0,5}$/u

/**
 * "This article is republished from The Conversation under a Creative Commons license.", "This
 * story was originally published by ProPublica.", "Republished with permission from Lloyd's
 * List.": the note a republished story ends with, naming who published it first.
 */
const REPUBLISHED =
  /^(?:this (?:article|story|piece|post|essay|commentary|report|column|interview)\s+(?:is |was |has been )?(?:originally |first )?(?:re)?(?:published|appeared|posted|ran)|(?:(?:re)?published|reprinted|reproduced|republished)\s+with (?:the )?(?:kind )?permission)\s+(?:from|by|on|in|at|of)\s+(?:the website of\s+)?(\p{Lu}[^.;()]{1,80}?|the\s\p{Lu}[^.;()]{1,80}?)(?:\s+(?:under|and is|and was|as part of|with permission|on \d|on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)\b[^]*|\s*[.,;(][^]*)?$/iu

/** Who first published a story that ends with a republication note; null for any other line. */
export function republishedFrom(text: string): string | null {
  if (text.length > 300) return null
  const name = REPUBLISHED.exec(text)?.[1]?.trim()
  return name && wordCount(name) <= 8 ? name : null
}

/** "Associated Press writer Liis Tamm in Tallinn contributed to this report." */
const CONTRIBUTED = /^\S.{2,200}\bcontributed (?:to )?(?:this |the )?(?:report|story|article|reporting)\.?$/iu

/**
 * Labels a page sets over its metadata as a list of terms and values (`<dl>`: "From:" / "Ministry
 * of Environment", "Published" / "9 January 2026"), each read as its own block. Government and
 * institutional sites print their publisher, date and authors this way above the text.
 */
const SOURCE_LABEL = /^(?:from|publisher|published by|issued by|organi[sz]ations?|departments?|agency)\s*[:：]?$/iu
const DATE_FIELD_LABEL = /^(?:(?:first\s+)?published|posted|date|dated|released|issued|(?:last\s+)?updated|(?:last\s+)?modified)(?:\s+on)?\s*[:：]?$/iu
const UPDATED_LABEL = /updated|modified/iu
const AUTHOR_LABEL = /^(?:authors?|written by|by|byline|contributors?)\s*[:：]?$/iu

const BYLINE_REASONS: ReadonlySet<string> = new Set([METADATA.byline, METADATA.published, METADATA.updated])
const isBylineOrDate = (role: LineRole | undefined) => role?.kind === 'removed' && BYLINE_REASONS.has(role.reason)

/** Lines of prose an author's note under the story may take, below its last metadata. */
const NOTE_LINES = 2

/** A publisher's or an author's name, not a sentence. */
const MAX_NAME_WORDS = 12

/** What a label and the value under it say, with the reason both are set aside; null when they are no field. */
export type LabelledField = { reason: string } & ({ author: string } | { source: string } | { publishedAt: string } | { updatedAt: string })

export function readLabelledField(label: string, value: string, language: string | null): LabelledField | null {
  const name = label.trim()
  const said = value.trim()
  if (DATE_FIELD_LABEL.test(name)) {
    const iso = said.length <= 60 ? isoFromDateText(said, language) : null
    if (!iso) return null
    return UPDATED_LABEL.test(name) ? { reason: METADATA.updated, updatedAt: iso } : { reason: METADATA.published, publishedAt: iso }
  }
  if (!isName(said)) return null
  if (AUTHOR_LABEL.test(name)) return { reason: METADATA.byline, author: bylineAuthor(`By ${said}`) ?? said }
  if (SOURCE_LABEL.test(name)) return { reason: METADATA.source, source: said }
  return null
}

function isName(text: string): boolean {
  return text.length > 0 && text.length <= 120 && wordCount(text) <= MAX_NAME_WORDS && !/[.!?]$/u.test(text) && !/\n/u.test(text)
}

/** What one metadata line says. */
type MetadataLine =
  | { kind: 'empty' }
  | { kind: 'url-label' }
  | { kind: 'url'; url: string }
  | { kind: 'date'; iso: string; updated: boolean }
  | { kind: 'author'; author: string; dates: { iso: string; updated: boolean }[] }
  | { kind: 'source'; source: string }
  | { kind: 'credit'; author: string | null; source: string | null; iso: string }
  /** "Updated 2 hours ago": a date line, though what it says cannot be dated. */
  | { kind: 'relative-date'; reason: string }
  | { kind: 'reading-time' }
  | { kind: 'credits' }
  | { kind: 'topics' }
  | { kind: 'chrome'; reason: string }

/**
 * Reads a line as metadata. Labelled fields count anywhere; an unlabelled date or byline only
 * in the header zone, where nothing else would say "By Jane Doe" or "Feb. 13, 2025" on its own.
 * "Source: Eurostat" inside the story credits a chart, so a named source counts only outside it.
 */
interface LinePlace {
  /** Where an unlabelled byline or date may stand (headerZoneEnd). */
  inHeader: boolean
  /** Above the story's first line of prose: where a share bar's counters stand. */
  aboveStory: boolean
  outsideStory: boolean
  belowFirstLine: boolean
  /** With no more prose after it than an author's note takes. */
  atEnd: boolean
  /** Right under a byline or date line. */
  underByline: boolean
}

function readMetadataLine(text: string, { inHeader, aboveStory, outsideStory, belowFirstLine, atEnd, underByline }: LinePlace): MetadataLine | null {
  if (EMPTY_FIELD.test(text)) return URL_LABEL.test(text) ? { kind: 'url-label' } : { kind: 'empty' }
  const urlField = URL_FIELD.exec(text)
  const url = urlField ? httpUrl(urlField[1]!) : null
  if (url) return { kind: 'url', url }
  const dateLabel = DATE_LABEL.exec(text)
  if (READING_TIME.test(text)) return { kind: 'reading-time' }
  if (aboveStory && HEADER_COUNTER.test(text)) return { kind: 'chrome', reason: CHROME.share }
  if (aboveStory && TEXT_SIZE.test(text)) return { kind: 'chrome', reason: CHROME.navigation }
  // Under the byline only: a headline in title case may open with "In" too ("In Riga, Fares Rise").
  if (aboveStory && underByline && FILED_IN.test(text)) return { kind: 'topics' }
  const posted = inHeader ? postedLine(text, null) : null
  if (posted) return { kind: 'author', author: posted.author, dates: [{ iso: posted.publishedAt, updated: false }] }
  const relative = inHeader ? relativeDateReason(text) : null
  if (relative) return { kind: 'relative-date', reason: relative }
  const filed = inHeader ? placeAndDate(text, null, isoFromDateTextInAnyLanguage) : null
  if (filed) return { kind: 'date', iso: filed, updated: false }
  const credit = inHeader ? datedCredit(text, null) : null
  if (credit) return { kind: 'credit', author: credit.author, source: credit.source, iso: credit.publishedAt }
  if (CREDITS.test(text) && text.length <= 300 && (MORE_CREDITS.test(text) || !/[.!?]$/u.test(text))) return { kind: 'credits' }
  if (CONTRIBUTED.test(text)) return { kind: 'credits' }
  if (dateLabel || (inHeader && !isProse(text))) {
    // Around the story's head the line may be in the story's language ("Publié le 4 décembre…").
    const iso = inHeader ? isoFromDateTextInAnyLanguage(text) : isoFromDateText(text)
    if (iso) return { kind: 'date', iso, updated: dateLabel !== null && UPDATED.test(dateLabel[0]) }
  }
  const authorField = AUTHOR_FIELD.exec(text)
  if (authorField) {
    return { kind: 'author', author: bylineAuthor(`By ${authorField[1]!}`) ?? authorField[1]!.trim(), dates: [] }
  }
  const republisher = outsideStory || atEnd ? republishedFrom(text) : null
  if (republisher) return { kind: 'source', source: republisher }
  const sourceField = SOURCE_FIELD.exec(text) ?? (outsideStory ? WIRE_SOURCE.exec(text) : null)
  // "Source: javascript:…" is neither a safe URL nor a publication's name.
  if (outsideStory && sourceField && !/^[a-z][a-z+.-]*:/iu.test(sourceField[1]!)) return { kind: 'source', source: sourceField[1]!.trim() }
  // "Tags: Baltic, ferries, fuel" may sit above an author's note, which is prose: at the end is enough.
  if ((outsideStory || atEnd) && TOPICS_FIELD.test(text)) return { kind: 'topics' }
  const author = inHeader ? bylineAuthor(text, belowFirstLine) : null
  if (author) {
    const dates = bylineExtras(text).flatMap((extra) => {
      const iso = isoFromDateTextInAnyLanguage(extra)
      return iso ? [{ iso, updated: UPDATED.test(extra) }] : []
    })
    return { kind: 'author', author, dates }
  }
  return null
}

/**
 * Where an unlabelled byline or date may stand: the header, the first paragraph (a standfirst)
 * and up to the start of the second. Deeper in, "By the Baltic Sea" or a date on its own line
 * belongs to the story.
 */
function headerZoneEnd(lines: SourceLine[], roles: LineRole[]): number {
  let units = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (roles[i]!.kind === 'removed' || !isProse(line.text)) continue
    const prev = lines[i - 1]?.text ?? ''
    const opensUnit = line.first || !isProse(prev) || /[.!?…。！？]["”’)]*$/u.test(prev)
    if (opensUnit && ++units === 2) return i
  }
  return lines.length
}

function lastProseLine(lines: SourceLine[], roles: LineRole[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (roles[i]!.kind !== 'removed' && isProse(lines[i]!.text)) return i
  }
  return -1
}

/**
 * Lifts metadata lines out of the body (bylines, date lines, "Source:" and "URL:" fields, empty
 * fields) and returns what they say; the first of each wins. Each line stays in the document as
 * a removed block with its reason.
 */
export function liftMetadata(lines: SourceLine[], roles: LineRole[]): FoundMetadata {
  const found: FoundMetadata = { author: null, source: null, url: null, publishedAt: null }
  let updatedAt: string | null = null
  const takeDate = ({ iso, updated }: { iso: string; updated: boolean }): void => {
    if (updated) updatedAt ??= iso
    else found.publishedAt ??= iso
  }
  const zoneEnd = headerZoneEnd(lines, roles)
  const storyEnd = lastProseLine(lines, roles)
  const storyStart = lines.findIndex((line, i) => roles[i]!.kind === 'body' && isProse(line.text))
  // Lines of prose after each line: an author's note under the story takes one or two.
  const proseAfter: number[] = []
  for (let i = lines.length - 1, n = 0; i >= 0; i--) {
    proseAfter[i] = n
    if (roles[i]!.kind === 'body' && isProse(lines[i]!.text)) n++
  }

  for (let i = 0; i < lines.length; i++) {
    if (roles[i]!.kind !== 'body') continue
    // "From:" / "Ministry of Environment", "Published" / "9 January 2026": a page's list of terms,
    // copied a line each, in the story's head.
    const next = lines[i + 1]
    const field = i < zoneEnd && next && roles[i + 1]!.kind === 'body' ? readLabelledField(lines[i]!.text, next.text, null) : null
    if (field) {
      if ('author' in field) found.author ??= field.author
      if ('source' in field) found.source ??= field.source
      if ('publishedAt' in field) takeDate({ iso: field.publishedAt, updated: false })
      if ('updatedAt' in field) takeDate({ iso: field.updatedAt, updated: true })
      roles[i] = removed(field.reason)
      roles[++i] = removed(field.reason)
      continue
    }
    const meta = readMetadataLine(lines[i]!.text, {
      inHeader: i < zoneEnd,
      aboveStory: i < storyStart,
      outsideStory: i < zoneEnd || i > storyEnd,
      belowFirstLine: i > 0,
      atEnd: proseAfter[i]! <= NOTE_LINES,
      underByline: isBylineOrDate(roles[i - 1])
    })
    if (!meta) continue
    switch (meta.kind) {
      case 'url-label': {
        // "Source:" on one line, the URL alone on the next.
        const next = lines[i + 1]
        const url = next && roles[i + 1]!.kind === 'body' && LONE_URL.test(next.text) ? httpUrl(next.text) : null
        if (url) {
          found.url ??= url
          roles[i] = removed(METADATA.sourceUrl)
          roles[++i] = removed(METADATA.sourceUrl)
        } else {
          roles[i] = removed(METADATA.emptyField)
        }
        break
      }
      case 'empty':
        roles[i] = removed(METADATA.emptyField)
        break
      case 'url':
        found.url ??= meta.url
        roles[i] = removed(METADATA.sourceUrl)
        break
      case 'date':
        takeDate(meta)
        roles[i] = removed(meta.updated ? METADATA.updated : METADATA.published)
        break
      case 'author':
        found.author ??= meta.author
        meta.dates.forEach(takeDate)
        roles[i] = removed(METADATA.byline)
        break
      case 'source':
        found.source ??= meta.source
        roles[i] = removed(METADATA.source)
        break
      case 'relative-date':
        roles[i] = removed(meta.reason)
        break
      case 'credit':
        found.author ??= meta.author
        found.source ??= meta.source
        takeDate({ iso: meta.iso, updated: false })
        roles[i] = removed(METADATA.byline)
        break
      case 'reading-time':
        roles[i] = removed(METADATA.readingTime)
        break
      case 'credits':
        roles[i] = removed(METADATA.credits)
        break
      case 'topics':
        roles[i] = removed(METADATA.topics)
        break
      case 'chrome':
        roles[i] = removed(meta.reason)
        break
    }
  }
  found.publishedAt ??= updatedAt
  const bare = nameOverDate(lines, roles, zoneEnd)
  found.author ??= bare.author
  found.source ??= bare.source
  return found
}

const DATE_REASONS: ReadonlySet<string> = new Set([METADATA.published, METADATA.updated])

/**
 * "Mira Kalnins / Updated 2 hours ago": a news app prints the author's name alone over the
 * story's date. A line of nothing but a person's name, in the header, right above a date line, is
 * the byline; set aside, its name is the author's. An institution's name there is the source.
 * Under a date it is more often a section's heading ("12 March 2026 / Key Judgments").
 */
function nameOverDate(lines: SourceLine[], roles: LineRole[], zoneEnd: number): { author: string | null; source: string | null } {
  const isDate = (k: number) => {
    const role = roles[k]
    return role?.kind === 'removed' && DATE_REASONS.has(role.reason)
  }
  for (let i = 0; i < Math.min(zoneEnd, lines.length); i++) {
    const text = lines[i]!.text
    if (roles[i]!.kind !== 'body' || !isDate(i + 1)) continue
    if (wordCount(text) <= 4 && bylineAuthor(`By ${text}`) === text) {
      roles[i] = removed(METADATA.byline)
      return { author: text, source: null }
    }
    // "Ministry of Transport / 9 March 2026": an institution issuing the text, over its date.
    if (isOrganisation(text)) {
      roles[i] = removed(METADATA.source)
      return { author: null, source: text }
    }
  }
  return { author: null, source: null }
}

/**
 * A line that names an institution: capitalised, a handful of words, one of them saying what kind
 * as the entity index reads names ("Ministry of Transport", "U.S. Department of State", "Halvorsen
 * Logistics ASA", "Bundesministerium für Verkehr" by its German word).
 */
function isOrganisation(text: string): boolean {
  if (wordCount(text) > 8 || !/^\p{Lu}/u.test(text) || /[.!?:,;]$/u.test(text)) return false
  const words = text.toLowerCase().split(/\s+/u)
  return ORG_SUFFIXES.has(words.at(-1)!) || words.some((w) => ORG_HEADS.has(w) || FOREIGN_ORG_WORDS.has(w))
}

/**
 * The republication note under a story (republishedFrom), set aside as the story's source line;
 * returns the name of who first published it.
 */
export function setAsideRepublicationNote(blocks: Block[]): string | null {
  for (const block of keptBlocks({ version: 1, blocks }).filter((b) => b.kind === 'paragraph').slice(-3)) {
    const name = republishedFrom(block.text)
    if (!name) continue
    block.removed = { reason: METADATA.source }
    return name
  }
  return null
}

/**
 * The note on the story's authors under it ("Jane Doe is a correspondent…"), among its last
 * paragraphs (footnotes may follow them), set aside: for a web page's blocks and a printed one's.
 */
export function setAsideAuthorNotes(blocks: Block[], author: string | null): void {
  const isNote = authorNote(author)
  if (!isNote) return
  for (const block of keptBlocks({ version: 1, blocks }).filter((b) => b.kind === 'paragraph').slice(-3)) {
    if (isNote(block.text)) block.removed = { reason: METADATA.authorBio }
  }
}

/** A disclosure's label, alone on its line: what follows is the author's declared interests. */
const DISCLOSURE_LABEL = /^(?:disclosure statement|disclosures?|conflicts? of interest|competing interests|declarations? of interests?|interessenkonflikte?|déclaration d[’']intérêts|conflits? d[’']intérêts)\s*[:：]?$/iu
/** Under a disclosure, the publisher's note on who funds it ("Partners / University of Rostock provides funding…"). */
const FUNDERS_LABEL = /^(?:partners|funders?|funding|supported by)\s*[:：]?$/iu
/** What a disclosure says, at most: a note, not a section of the text. */
const MAX_DISCLOSURE_CHARS = 600

/**
 * "Disclosure statement / Helena Vogt receives funding from the German Research Foundation.",
 * and "Partners / …" right under it: a label opening its paragraph and what it heads (the rest of
 * that paragraph, or the next one), set aside. What an author declares matters to the analyst
 * judging the piece, so it stays in the document with its reason, out of the text read and cited.
 */
export function markDisclosures(lines: SourceLine[], roles: LineRole[]): void {
  let label: RegExp = DISCLOSURE_LABEL
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (roles[i]!.kind === 'body' && line.first && label.test(line.text)) {
      // Under the label in its own paragraph, or in the next one.
      const paragraph = line.last ? line.paragraph + 1 : line.paragraph
      const body: number[] = []
      for (let k = i + 1; k < lines.length && lines[k]!.paragraph === paragraph; k++) body.push(k)
      const chars = body.reduce((n, k) => n + lines[k]!.text.length, 0)
      if (body.length > 0 && chars <= MAX_DISCLOSURE_CHARS && body.every((k) => roles[k]!.kind === 'body')) {
        for (const k of [i, ...body]) roles[k] = removed(METADATA.disclosure)
        i = body.at(-1)!
        // Its funders' note may follow it, and only it.
        label = FUNDERS_LABEL
        continue
      }
    }
    label = DISCLOSURE_LABEL
  }
}

/**
 * "Senior Lecturer in Logistics, University of Rostock": the author's position and institution
 * on the line under the byline, as academic and expert sites print it.
 */
const AFFILIATION = /\b(?:professor|lecturer|reader in|fellow|researcher|research associate|correspondent|reporter|editor|analyst|director|dean|candidate|economist|scientist|postdoctoral|doctoral|chair of|head of)\b/iu

/** A social network handle: "@annalindqvist", Mastodon's "@desk@mastodon.example". */
export const HANDLE_PATTERN = String.raw`@[\p{L}\p{N}_.]{1,30}(?:@[\w.-]+)?`

/** The reporter's handle or address under a byline: "@annalindqvist", "Follow @anna", "Email: anna@example.org". */
const CONTACT = new RegExp(String.raw`^(?:(?:(?:follow|twitter|x|mastodon|bluesky|threads)\s*[:：]?\s*)?${HANDLE_PATTERN}|(?:e-?mail\s*[:：]?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$`, 'iu')

/** The lines of the author's position and contact under a byline, set aside with it. */
export function markAffiliations(lines: SourceLine[], roles: LineRole[]): void {
  for (let i = 1; i < lines.length; i++) {
    const prev = roles[i - 1]!
    const text = lines[i]!.text
    if (roles[i]!.kind !== 'body' || prev.kind !== 'removed' || prev.reason !== METADATA.byline) continue
    if (CONTACT.test(text) || (wordCount(text) <= 15 && !/[.!?]$/u.test(text) && AFFILIATION.test(text))) roles[i] = removed(METADATA.byline)
  }
}
