import { keptBlocks, type Block } from '../document/article-document'
import { isoFromDateTextInAnyLanguage } from './date-text'
import { METADATA } from './metadata-lines'
import { removed, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'
import { TITLE_REASON } from './title'

/**
 * The header of a memorandum or a forwarded e-mail, as analysts file them: "MEMORANDUM", then
 * "TO:", "FROM:", "DATE:", "SUBJECT:" lines (an e-mail's "From:", "Sent:", "To:", "Subject:").
 * The subject is the document's title, the sender its author, the date its date; the addressees
 * and the label are set aside as the memo's header.
 */
export const MEMO_HEADER_REASON = 'memo header'

export type MemoField = 'title' | 'author' | 'date' | 'header'

export interface MemoHeader {
  title: string | null
  author: string | null
  publishedAt: string | null
  /** What each text of the header is, by its index in the texts read. */
  fields: Map<number, MemoField>
}

const LABEL = /^(?:(?:office |internal |information |action |decision )?memorandum|memo|briefing note|note for the record|minute)(?:\s+for the record)?$/iu
const FIELD = /^(to|from|date|dated|sent|subject|subj|re|cc|bcc|attn|attention|thru|through|copy to|copies)\s*[:：]\s*(\S.*)$/iu
/** How far down a memo's header may reach: its fields come first. */
const HEADER_TEXTS = 14
/** "Fwd:", "RE:", "FW:" before a forwarded e-mail's subject. */
const REPLY_PREFIX = /^(?:(?:re|fw|fwd|aw|tr|wg)\s*:\s*)+/iu

/**
 * Reads a memo's header from the first texts of a document (lines or blocks). Null unless it has
 * a subject and at least one of sender and addressee: a story that quotes "From: …" is no memo.
 */
export function readMemoHeader(texts: readonly string[]): MemoHeader | null {
  const fields = new Map<number, MemoField>()
  let title: string | null = null
  let author: string | null = null
  let publishedAt: string | null = null
  let parties = 0
  for (let i = 0; i < Math.min(texts.length, HEADER_TEXTS); i++) {
    const text = texts[i]!.trim()
    if (LABEL.test(text)) {
      fields.set(i, 'header')
      continue
    }
    const field = FIELD.exec(text)
    if (!field) continue
    const name = field[1]!.toLowerCase()
    const value = field[2]!.trim()
    if (name === 'subject' || name === 'subj' || name === 're') {
      if (title !== null) continue
      title = value.replace(REPLY_PREFIX, '').trim() || value
      fields.set(i, 'title')
    } else if (name === 'from') {
      author ??= value.replace(/\s*<[^>]*>$/u, '').trim()
      parties++
      fields.set(i, 'author')
    } else if (name === 'date' || name === 'dated' || name === 'sent') {
      const iso = isoFromDateTextInAnyLanguage(value) ?? isoFromDateTextInAnyLanguage(value.replace(/^\p{L}+,\s*/u, ''))
      if (!iso) continue
      publishedAt ??= iso
      fields.set(i, 'date')
    } else {
      if (name === 'to') parties++
      fields.set(i, 'header')
    }
  }
  return title !== null && parties > 0 ? { title, author, publishedAt, fields } : null
}

/** "cc: Shipping Desk" under a memo: its copy list, part of the header though printed last. */
export function isCopyLine(text: string): boolean {
  return /^(?:cc|bcc|copy to|copies|distribution)\s*[:：]\s*\S/iu.test(text.trim())
}

/** The reason each field of a memo's header is set aside with. */
export const MEMO_FIELD_REASONS: Record<MemoField, string> = { title: TITLE_REASON, author: METADATA.byline, date: METADATA.published, header: MEMO_HEADER_REASON }

/** A Word file's or PDF's memo header (readMemoHeader), its blocks set aside with their reasons. */
export function liftMemoHeader(blocks: Block[]): MemoHeader | null {
  const kept = keptBlocks({ version: 1, blocks }).filter((b) => b.kind === 'paragraph' || b.kind === 'heading')
  const memo = readMemoHeader(kept.map((b) => b.text))
  if (!memo) return null
  for (const [k, field] of memo.fields) kept[k]!.removed = { reason: MEMO_FIELD_REASONS[field] }
  for (const block of kept.slice(Math.max(...memo.fields.keys()) + 1)) if (isCopyLine(block.text)) block.removed = { reason: MEMO_HEADER_REASON }
  return memo
}

/**
 * The same for pasted text, line by line: the subject is lifted as the title, the sender as the
 * byline, the date as the date; the label, the addressees and the copy list under the text are
 * set aside as the header.
 */
export function markMemoHeader(lines: SourceLine[], roles: LineRole[]): MemoHeader | null {
  const body = lines.map((_, i) => i).filter((i) => roles[i]!.kind === 'body')
  const memo = readMemoHeader(body.map((i) => lines[i]!.text))
  if (!memo) return null
  for (const [k, field] of memo.fields) {
    const i = body[k]!
    roles[i] = { kind: 'removed', reason: MEMO_FIELD_REASONS[field], ...(field === 'title' ? { title: true } : {}) }
  }
  const last = Math.max(...[...memo.fields.keys()].map((k) => body[k]!))
  for (let i = last + 1; i < lines.length; i++) if (roles[i]!.kind === 'body' && isCopyLine(lines[i]!.text)) roles[i] = removed(MEMO_HEADER_REASON)
  return memo
}
