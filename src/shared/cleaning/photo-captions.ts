import { completeDate } from './date-text'
import { sentenceCount, wordCount } from './line-shape'
import { isStandalone, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

const LABELLED = /^(?:photos?|pictured|pictures?|images?|photograph|caption|file photo|photo credit)\s*:\s*\S/iu
const PHOTO_BY = /^(?:photos?|photographs?|images?)\s+by\s+\S/iu
const AGENCY =
  '(?:Reuters|AP|AFP|EPA(?:-EFE)?|Getty(?: Images)?|Shutterstock|Alamy|TASS|Sputnik|Xinhua|dpa|ANP|Anadolu(?: Agency)?|Associated Press|AP Photo|Bloomberg|NurPhoto|SOPA Images|Pool|Handout)'
/** "(Reuters)", "(AP Photo/Jane Doe)", "(Jane Doe/AFP via Getty Images)" at the end of the line. */
const CREDIT_IN_PARENS = new RegExp(`\\((?:[^()]*[\\s/])?${AGENCY}(?:[\\s/][^()]*)?\\)$`, 'u')
/** "… / AP", "… / Reuters", "… / AFP via Getty Images". */
const SLASH_CREDIT = /(?:^|\s)\/\s?\p{Lu}[\p{L}.'’-]*(?:\s(?:via|\p{Lu}[\p{L}.'’-]*)){0,5}$/u
const GETTY = /\bGetty Images\)?$/u
const CREDIT_LABEL_AT_END = /[.)]\s*(?:Photo|Photograph|Credit|Image|Picture)s?\s*:\s*[^:.]{1,60}$/u
/** "(Photo: Jane Doe/Baltic Press)", "(Photograph by Jane Doe)", "(Foto: …)": the credit in brackets. */
const CREDIT_LABEL_IN_PARENS = /\((?:photo|photograph|picture|image|credit|foto|bild|photo credit)s?\s*(?::|by\s)\s*[^()]{1,80}\)$/iu
/** "…at a newsstand in Moscow, Feb. 13, 2025.": a place, a comma, a full date, a stop. */
const PLACE_THEN_DATE = /^(.*\p{Lu}[\p{L}.'’-]*),\s+(.{4,30}?\d{4})\.$/u

function hasCredit(text: string): boolean {
  return CREDIT_IN_PARENS.test(text) || SLASH_CREDIT.test(text) || GETTY.test(text) || CREDIT_LABEL_AT_END.test(text) || CREDIT_LABEL_IN_PARENS.test(text)
}

function endsWithPlaceAndDate(text: string): boolean {
  const match = PLACE_THEN_DATE.exec(text)
  return match !== null && completeDate(match[2]!)
}

/** A line that describes a photo rather than telling the story. */
export function isPhotoCaption(text: string): boolean {
  if (text.length > 400) return false
  if (LABELLED.test(text) || PHOTO_BY.test(text)) return true
  if (hasCredit(text)) return wordCount(text) >= 4 && sentenceCount(text) <= 3
  return sentenceCount(text) === 1 && endsWithPlaceAndDate(text)
}

export function markPhotoCaptions(lines: SourceLine[], roles: LineRole[]): void {
  lines.forEach((line, i) => {
    if (roles[i]!.kind === 'body' && isPhotoCaption(line.text) && isStandalone(lines, roles, i)) roles[i] = { kind: 'caption' }
  })
}
