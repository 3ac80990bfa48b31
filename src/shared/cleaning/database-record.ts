import type { Block } from '../document/article-document'
import { isoFromDateTextInAnyLanguage } from './date-text'
import { isProse, wordCount } from './line-shape'
import { removed, type LineRole } from './line-roles'
import { METADATA } from './metadata-lines'
import type { SourceLine } from './source-lines'

/**
 * A story as a news database exports it. Factiva prints the record's fields one to a line between
 * headline and story ("412 words", "4 March 2026", "Baltic Shipping News", "BSN", "English") and
 * its document number under it ("Document BSN0000020260304em340001d"); Nexis prints the
 * publication under the headline, labelled fields ("Section: World", "Length: 412 words",
 * "Body"), and a trailer ("Load-Date: …", "End of Document"). Analysts read most of their news
 * this way. The fields are set aside with this reason; the publication becomes the source.
 */
export const RECORD_REASON = 'news database record'

const FACTIVA_ID = /^Document [A-Za-z0-9]{16,40}$/u
const NEXIS_END = /^End of Document$/iu
const NEXIS_LOADED = /^Load-Date:\s*\S/iu
/** "412 words", "Length: 1,204 words". */
const WORD_COUNT = /^(?:length:\s*)?\d[\d,.]*\s+words$/iu
/** A source's code in Factiva ("BSN", "LBA", "WSJO"). */
const SOURCE_CODE = /^[A-Z][A-Z0-9]{1,9}$/u
const LANGUAGE =
  /^(?:language:\s*)?(?:english|french|german|spanish|portuguese|italian|dutch|russian|ukrainian|polish|arabic|chinese|japanese|korean|turkish|persian|farsi|hebrew|swedish|norwegian|danish|finnish|greek|czech|hungarian|romanian)$/iu
/** The record's labelled fields, above the story or in its trailer. */
const FIELD =
  /^(?:section|length|byline|dateline|highlight|series|publication-type|document-type|journal code|language|classification|subject|geographic|organi[sz]ation|industry|person|company|ticker|graphic|notes|load-date|type)\s*:\s*\S/iu
const LABEL = /^(?:body|classification)$/iu
/** "Final Edition", "Late Edition - Final". */
const EDITION = /^(?:(?:final|late|early|first|second|third|national|international|city|metro|weekend|online|print)\s+)*edition(?:\s*[-–]\s*\w+)?$/iu
/** Nexis follows the date with its weekday: "March 11, 2026 Wednesday". */
const TRAILING_WEEKDAY = /[\s,]+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/iu

/** Whether the text is a news database's record: its last lines say so. */
export function isDatabaseRecord(texts: readonly string[]): boolean {
  const tail = texts.slice(-12)
  return tail.some((t) => FACTIVA_ID.test(t) || NEXIS_END.test(t)) || (tail.some((t) => NEXIS_LOADED.test(t)) && texts.some((t) => WORD_COUNT.test(t)))
}

export interface DatabaseRecord {
  /** The reason each field is set aside with, by its index. */
  reasons: Map<number, string>
  source: string | null
  publishedAt: string | null
}

/**
 * A database record's fields around the story, among `texts` (lines or blocks; `open(i)` says
 * which are still taken for text): above the story's first prose (the headline excepted, which
 * the title pass reads) and below its last. The publication the record names is the first text
 * above the story that reads as a name, neither headline, byline, date nor field. Null for any
 * other text.
 */
export function readDatabaseRecord(texts: readonly string[], open: (i: number) => boolean): DatabaseRecord | null {
  if (!isDatabaseRecord(texts)) return null
  const reasons = new Map<number, string>()
  const first = texts.findIndex((_, i) => open(i))
  const storyStart = texts.findIndex((text, i) => i > first && open(i) && isProse(text))
  let storyEnd = texts.length - 1
  while (storyEnd > 0 && !(open(storyEnd) && isProse(texts[storyEnd]!) && !FIELD.test(texts[storyEnd]!))) storyEnd--
  let source: string | null = null
  let publishedAt: string | null = null
  for (let i = first + 1; i < (storyStart < 0 ? texts.length : storyStart); i++) {
    if (!open(i)) continue
    const text = texts[i]!
    const date = TRAILING_WEEKDAY.test(text) ? isoFromDateTextInAnyLanguage(text.replace(TRAILING_WEEKDAY, '')) : null
    if (date) {
      publishedAt ??= date
      reasons.set(i, METADATA.published)
    } else if (WORD_COUNT.test(text) || SOURCE_CODE.test(text) || LANGUAGE.test(text) || FIELD.test(text) || LABEL.test(text) || EDITION.test(text)) reasons.set(i, RECORD_REASON)
    else if (source === null && readsAsPublication(text)) {
      source = text
      reasons.set(i, RECORD_REASON)
    }
  }
  for (let i = storyEnd + 1; i < texts.length; i++) {
    const text = texts[i]!
    if (open(i) && (FIELD.test(text) || LABEL.test(text) || FACTIVA_ID.test(text) || NEXIS_END.test(text))) reasons.set(i, RECORD_REASON)
  }
  return { reasons, source, publishedAt }
}

/** A record's fields in pasted text, set aside line by line (readDatabaseRecord). */
export function markDatabaseRecord(lines: readonly SourceLine[], roles: LineRole[]): { source: string | null; publishedAt: string | null } {
  const record = readDatabaseRecord(lines.map((line) => line.text), (i) => roles[i]!.kind === 'body')
  for (const [i, reason] of record?.reasons ?? []) roles[i] = removed(reason)
  return { source: record?.source ?? null, publishedAt: record?.publishedAt ?? null }
}

/** A record's fields in a PDF's or Word file's blocks (a Factiva or Nexis export saved as either), set aside. */
export function liftDatabaseRecord(blocks: Block[]): { source: string | null; publishedAt: string | null } {
  const record = readDatabaseRecord(blocks.map((b) => b.text), (i) => !blocks[i]!.removed && (blocks[i]!.kind === 'paragraph' || blocks[i]!.kind === 'heading'))
  for (const [i, reason] of record?.reasons ?? []) blocks[i]!.removed = { reason }
  return { source: record?.source ?? null, publishedAt: record?.publishedAt ?? null }
}

function readsAsPublication(text: string): boolean {
  return wordCount(text) <= 8 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?:]$/u.test(text) && !/^by\s/iu.test(text) && isoFromDateTextInAnyLanguage(text) === null
}
