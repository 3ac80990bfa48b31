/**
 * What one save of a note changed, for the History list: the text taken out and the text put in,
 * with a little of what came before, found by trimming the common start and end. Linear, and
 * enough to tell saves apart at a glance; it is a summary, not a full diff.
 */
export interface RevisionChange {
  /** Where the change starts in the older text. */
  at: number
  /** Words just before the change, for orientation ("…the pact holds"). Empty at the start. */
  before: string
  removed: string
  added: string
}

const SHOWN = 160
const LEAD = 40

export function revisionChange(older: string, newer: string): RevisionChange {
  if (older === newer) return { at: older.length, before: '', removed: '', added: '' }
  let start = 0
  const max = Math.min(older.length, newer.length)
  while (start < max && older.charCodeAt(start) === newer.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && older.charCodeAt(older.length - 1 - end) === newer.charCodeAt(newer.length - 1 - end)) end++
  // Whole words read better than "…insur[+ers agree]": widen to the word boundaries either side.
  while (start > 0 && /\S/.test(older[start - 1]!) && /\S/.test(newer[start - 1]!)) start--
  while (end > 0 && /\S/.test(older[older.length - end]!) && /\S/.test(newer[newer.length - end]!)) end--
  const lead = older.slice(Math.max(0, start - LEAD), start)
  return {
    at: start,
    before: start > LEAD ? `…${lead.replace(/^\S*\s/, '')}` : lead,
    removed: clip(older.slice(start, older.length - end)),
    added: clip(newer.slice(start, newer.length - end))
  }
}

function clip(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text
}
