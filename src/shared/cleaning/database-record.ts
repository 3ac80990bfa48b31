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
export function isDatabaseRecord(lines: readonly SourceLine[]): boolean {
  const tail = lines.slice(-12).map((line) => line.text)
  return tail.some((t) => FACTIVA_ID.test(t) || NEXIS_END.test(t)) || (tail.some((t) => NEXIS_LOADED.test(t)) && lines.some((l) => WORD_COUNT.test(l.text)))
}

/**
 * Sets aside a database record's fields around the story: above the story's first line of prose
 * (the headline excepted, which the title pass reads) and below its last. Returns the
 * publication the record names: the first line above the story that reads as a name, neither
 * headline, byline, date nor field.
 */
export function markDatabaseRecord(lines: readonly SourceLine[], roles: LineRole[]): { source: string | null; publishedAt: string | null } {
  if (!isDatabaseRecord(lines)) return { source: null, publishedAt: null }
  const isBody = (i: number) => roles[i]!.kind === 'body'
  const first = lines.findIndex((_, i) => isBody(i))
  const storyStart = lines.findIndex((line, i) => i > first && isBody(i) && isProse(line.text))
  let storyEnd = lines.length - 1
  while (storyEnd > 0 && !(isBody(storyEnd) && isProse(lines[storyEnd]!.text) && !FIELD.test(lines[storyEnd]!.text))) storyEnd--
  let source: string | null = null
  let publishedAt: string | null = null
  for (let i = first + 1; i < (storyStart < 0 ? lines.length : storyStart); i++) {
    if (!isBody(i)) continue
    const text = lines[i]!.text
    const date = TRAILING_WEEKDAY.test(text) ? isoFromDateTextInAnyLanguage(text.replace(TRAILING_WEEKDAY, '')) : null
    if (date) {
      publishedAt ??= date
      roles[i] = removed(METADATA.published)
    } else if (WORD_COUNT.test(text) || SOURCE_CODE.test(text) || LANGUAGE.test(text) || FIELD.test(text) || LABEL.test(text) || EDITION.test(text)) roles[i] = removed(RECORD_REASON)
    else if (source === null && readsAsPublication(text)) {
      source = text
      roles[i] = removed(RECORD_REASON)
    }
  }
  for (let i = storyEnd + 1; i < lines.length; i++) {
    const text = lines[i]!.text
    if (isBody(i) && (FIELD.test(text) || LABEL.test(text) || FACTIVA_ID.test(text) || NEXIS_END.test(text))) roles[i] = removed(RECORD_REASON)
  }
  return { source, publishedAt }
}

function readsAsPublication(text: string): boolean {
  return wordCount(text) <= 8 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?:]$/u.test(text) && !/^by\s/iu.test(text) && isoFromDateTextInAnyLanguage(text) === null
}
