import { keptBlocks, type ArticleDocument } from '../document/article-document'
import { isNewsAgency } from './byline'
import { isoFromDateTextInAnyLanguage } from './date-text'

/**
 * "TALLINN, Estonia —", "NEW YORK (Reuters) -", "МОСКВА, 12 марта —": a city in capitals, optional
 * region or date in any case (a Russian agency's day and month in lower case), optional agency,
 * then a dash. Press-release wires write theirs so too: "OSLO, Norway, March 3, 2026 /PRNewswire/
 * --", "BOSTON, March 3, 2026 (GLOBE NEWSWIRE) --", "SAN FRANCISCO--(BUSINESS WIRE)--Acme…". Only the start of the first body paragraph is read; the
 * dateline stays in the paragraph, since it is part of the story's first sentence. The dateline
 * itself is the place (and agency) without the dash: "TALLINN, Estonia".
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]*)*(?:,\s(?:\d{1,2}\s\p{Ll}{3,12}\.?|[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*){0,3})){0,3}(?:\s\([^()\n]{1,40}\)|\s\/[^/\n]{1,40}\/|--\([^()\n]{1,40}\))?)\s?(?:—|–|--|-)(?:\s|(?<=--)(?=\p{Lu}))/u

export function datelineOf(paragraph: string): string | null {
  const dateline = DATELINE.exec(paragraph)?.[1]
  // "BARCELONA.– Los estibadores…": Spanish style puts a stop before the dash; "D.C." keeps its own.
  return dateline?.replace(/(^|[\s,])([\p{Lu}'’-]{2,})\.$/u, '$1$2') ?? null
}

/** The dateline opening a story's first paragraph, or its second under a standfirst ("Unions say talks have stalled"). */
export function storyDateline(document: ArticleDocument): string | null {
  const opening = keptBlocks(document).filter((b) => b.kind === 'paragraph').slice(0, 2)
  return opening.map((b) => datelineOf(b.text)).find((d) => d !== null) ?? null
}

/**
 * The agency a dateline names: "WARSAW, Dec 5 (Reuters)" → "Reuters". A wire story's publisher
 * when the text names no other. Null for a parenthesis that is no name ("(AP Photo)" is, "(UPDATED
 * 14:05)" is not).
 */
export function datelineAgency(dateline: string | null): string | null {
  const agency = dateline ? /\(([^()]+)\)$/u.exec(dateline)?.[1]?.trim() : undefined
  if (!agency || /\d/u.test(agency) || agency.split(/\s+/u).length > 4) return null
  // "(dpa)" is written in lower case; any other name starts with a capital.
  return /^\p{Lu}/u.test(agency) || isNewsAgency(agency) ? agency : null
}

/** A full date in a dateline: "March 3, 2026", "3 March 2026", "3. März 2026". */
const DATED = /(?:\p{L}{3,9}\.?\s\d{1,2},?\s\d{4}|\d{1,2}\.?\s\p{L}{3,9}\.?,?\s\d{4})/u

/**
 * The date a dateline gives, when it gives the year too (a press release's "OSLO, Norway, March
 * 3, 2026 /PRNewswire/"); a wire's "12 марта" without one is no date to store.
 */
export function datelineDate(dateline: string | null): string | null {
  const date = dateline ? DATED.exec(dateline)?.[0] : undefined
  return date ? isoFromDateTextInAnyLanguage(date) : null
}
