import type { MessageKey, Translate } from '../i18n/messages'
import { splitSentences } from '../timeline/sentences'
import { plain, type Brief, type BriefBlock } from './brief-document'

/** A highlight as the library holds it now; undefined in the lookup when it no longer exists. */
export interface PassageState {
  exact: string
  orphaned: boolean
  deleted: boolean
}

export interface UncitedSentence {
  /** The block's index in Brief.blocks, for the view to scroll to. */
  block: number
  text: string
  /** 'keyJudgement' is said first: an uncited judgement matters most. */
  blockKind: 'paragraph' | 'keyJudgement' | 'list' | 'blockquote'
}

export interface PassageProblem {
  cite: number
  kind: 'highlight' | 'claim'
  id: string
  quoted: string
  problem: 'changed' | 'orphaned' | 'deleted'
  /** The passage's words now, when it changed. */
  now: string | null
}

export interface BriefCheck {
  uncited: UncitedSentence[]
  passages: PassageProblem[]
}

/**
 * Check mode. A sentence counts as cited when its block stands next to a quote (directly before
 * or after it, across a run of quotes): the brief's evidence is its quoted passages, and a claim
 * is written beside the passage that bears it out. Headings and tables are not sentences. A quoted
 * passage is a problem when its highlight was deleted (or trashed with its article), lost its place
 * in a changed article (orphaned), or now holds other words than the brief quotes.
 */
export function checkBrief(
  brief: Brief,
  highlights: ReadonlyMap<string, PassageState>,
  claims: ReadonlyMap<string, { text: string }>,
  /** The sentences of a block, when the caller keeps them between checks. */
  sentencesOf: (block: BriefBlock, index: number) => readonly string[] = blockSentences
): BriefCheck {
  const uncited: UncitedSentence[] = []
  brief.blocks.forEach((block, i) => {
    const kind = sentenceKind(block)
    if (!kind || nextToQuote(brief.blocks, i)) return
    for (const text of sentencesOf(block, i)) uncited.push({ block: i, text, blockKind: kind })
  })
  uncited.sort((a, b) => Number(b.blockKind === 'keyJudgement') - Number(a.blockKind === 'keyJudgement'))

  const passages: PassageProblem[] = []
  brief.cites.forEach((cite, i) => {
    if (cite.kind === 'claim') {
      if (!claims.has(cite.claimId)) passages.push({ cite: i, kind: 'claim', id: cite.claimId, quoted: cite.quoted, problem: 'deleted', now: null })
      return
    }
    const state = highlights.get(cite.highlightId)
    const base = { cite: i, kind: 'highlight' as const, id: cite.highlightId, quoted: cite.quoted }
    if (!state || state.deleted) passages.push({ ...base, problem: 'deleted', now: null })
    else if (state.orphaned) passages.push({ ...base, problem: 'orphaned', now: null })
    else if (state.exact !== cite.quoted && squash(state.exact) !== squash(cite.quoted)) passages.push({ ...base, problem: 'changed', now: state.exact })
  })
  return { uncited, passages }
}

export function checkIsClean(check: BriefCheck): boolean {
  return check.uncited.length === 0 && check.passages.length === 0
}

/** "3 sentences without a citation, 1 quoted passage changed": for the confirmation and the CLI. */
export function checkSummary(check: BriefCheck): string {
  const parts: string[] = []
  const n = check.uncited.length
  if (n) parts.push(`${n} sentence${n === 1 ? '' : 's'} without a citation`)
  for (const problem of ['changed', 'orphaned', 'deleted'] as const) {
    const k = check.passages.filter((p) => p.problem === problem).length
    if (k) parts.push(`${k} quoted passage${k === 1 ? '' : 's'} ${problem === 'orphaned' ? 'orphaned' : problem}`)
  }
  return parts.length ? parts.join(', ') : 'every sentence is cited and every quoted passage is as quoted'
}

const PROBLEM_COUNTS: Readonly<Record<'changed' | 'orphaned' | 'deleted', MessageKey>> = {
  changed: 'brief:check.changed',
  orphaned: 'brief:check.orphaned',
  deleted: 'brief:check.deleted'
}

/** What check mode found, as a phrase in the language of `t` ("1 sentence without a citation, 2 quoted passages changed"); empty when clean. */
export function checkFindings(check: BriefCheck, t: Translate, locale: string): string {
  const parts: string[] = []
  if (check.uncited.length) parts.push(t('brief:check.uncited', { count: check.uncited.length }))
  for (const problem of ['changed', 'orphaned', 'deleted'] as const) {
    const k = check.passages.filter((p) => p.problem === problem).length
    if (k) parts.push(t(PROBLEM_COUNTS[problem], { count: k }))
  }
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts)
}

/** The sentences of a block that check mode would list if it stood next to no quote: those with a letter or digit. */
export function blockSentences(block: BriefBlock): string[] {
  const out: string[] = []
  for (const text of blockTexts(block)) {
    for (const s of splitSentences(text.replace(/\s*\n\s*/g, ' '))) {
      if (/[\p{L}\p{N}]/u.test(s.text)) out.push(s.text)
    }
  }
  return out
}

function sentenceKind(block: BriefBlock): UncitedSentence['blockKind'] | null {
  if (block.kind === 'paragraph' || block.kind === 'keyJudgement' || block.kind === 'list' || block.kind === 'blockquote') return block.kind
  return null
}

function blockTexts(block: BriefBlock): string[] {
  if (block.kind === 'list') return block.items.map(plain)
  if (block.kind === 'paragraph' || block.kind === 'keyJudgement' || block.kind === 'blockquote') return [plain(block.text)]
  return []
}

function nextToQuote(blocks: readonly BriefBlock[], i: number): boolean {
  return blocks[i + 1]?.kind === 'quote' || blocks[i - 1]?.kind === 'quote'
}

/** The quote node trims lines and collapses blank runs (normalizeQuoteText); compare words, not spacing. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
