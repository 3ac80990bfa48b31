import type { MessageKey } from '../i18n/messages'
import { passageShingles, shingleOverlap, PASSAGE_COPY_THRESHOLD } from './shingles'

export const EVIDENCE_RELATIONS = ['supports', 'contradicts', 'context'] as const
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number]

export const CLAIM_STATUSES = ['unassessed', 'corroborated', 'contested', 'refuted'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]
export const CLAIM_STATUS_NAMES: Record<ClaimStatus, string> = { unassessed: 'Unassessed', corroborated: 'Corroborated', contested: 'Contested', refuted: 'Refuted' }
/** The statuses in the interface's language; CLAIM_STATUS_NAMES is what Markdown and the brief write. */
export const CLAIM_STATUS_MESSAGES: Readonly<Record<ClaimStatus, MessageKey>> = {
  unassessed: 'claims:status.unassessed',
  corroborated: 'claims:status.corroborated',
  contested: 'claims:status.contested',
  refuted: 'claims:status.refuted'
}

export const WARNING_KINDS = ['single_source', 'circular_reporting', 'no_contradicting_evidence', 'low_credibility_only'] as const
export type WarningKind = (typeof WARNING_KINDS)[number]

export interface ClaimWarning {
  kind: WarningKind
  /** In English, for the CLI and the exports; the interface words it from `kind` and `values`. */
  message: string
  /** What the message names: `count` (passages or pairs), `source` (empty for an article with none). */
  values: Record<string, string | number>
}

/** What the warnings need to know of one linked highlight. */
export interface EvidenceFacts {
  highlightId: string
  relation: EvidenceRelation
  articleId: string
  /** The source's id, or null when the article has none (then the article stands for itself). */
  sourceId: string | null
  sourceName: string | null
  /** 1–6, or null when ungraded. */
  credibility: number | null
  exact: string
}

/**
 * Warnings, never verdicts: the analyst sets the status. Each one names what it saw.
 * `nearCopies` says whether two articles are near-duplicates (MinHash, see minhash.ts); the
 * passages themselves are compared here by their word trigrams. `shingles` gives a passage's
 * trigrams: a list of claims passes a cache, so a passage linked to several claims is read once.
 */
export function claimWarnings(
  evidence: readonly EvidenceFacts[],
  nearCopies: (a: string, b: string) => boolean,
  shingles: (e: EvidenceFacts) => ReadonlySet<string> = (e) => passageShingles(e.exact)
): ClaimWarning[] {
  const supports = evidence.filter((e) => e.relation === 'supports')
  const warnings: ClaimWarning[] = []
  if (supports.length > 0) {
    const sources = new Set(supports.map((e) => e.sourceId ?? `article:${e.articleId}`))
    if (sources.size === 1) {
      const name = supports[0]!.sourceName ?? 'one article with no source'
      warnings.push({
        kind: 'single_source',
        message:
          supports.length === 1
            ? `Single source: the only supporting passage comes from ${name}.`
            : `Single source: all ${supports.length} supporting passages come from ${name}.`,
        values: { count: supports.length, source: supports[0]!.sourceName ?? '' }
      })
    }
    const copies = circularPairs(supports, nearCopies, shingles)
    if (copies > 0) {
      warnings.push({
        kind: 'circular_reporting',
        message: `Circular reporting: ${copies === 1 ? 'two supporting passages' : `${copies} pairs of supporting passages`} from different articles share most of their wording; they are likely one report copied.`,
        values: { count: copies }
      })
    }
    if (!supports.some((e) => e.credibility !== null && e.credibility <= 3)) {
      warnings.push({
        kind: 'low_credibility_only',
        message: 'Low credibility only: no supporting passage is graded 1–3 (confirmed, probably or possibly true).',
        values: {}
      })
    }
  }
  if (!evidence.some((e) => e.relation === 'contradicts')) {
    warnings.push({ kind: 'no_contradicting_evidence', message: 'No contradicting evidence sought: none is linked to this claim.', values: {} })
  }
  return warnings
}

/** Pairs of supporting passages from different articles that are copies of one another. */
function circularPairs(
  supports: readonly EvidenceFacts[],
  nearCopies: (a: string, b: string) => boolean,
  shingles: (e: EvidenceFacts) => ReadonlySet<string>
): number {
  let pairs = 0
  for (let i = 0; i < supports.length; i++) {
    for (let j = i + 1; j < supports.length; j++) {
      const a = supports[i]!
      const b = supports[j]!
      if (a.articleId === b.articleId) continue
      if (nearCopies(a.articleId, b.articleId) || shingleOverlap(shingles(a), shingles(b)) >= PASSAGE_COPY_THRESHOLD) pairs++
    }
  }
  return pairs
}

/**
 * How well supported a claim is, for sorting the claims list: independent sources backing it
 * with credibility 1–3 count most, then any supporting passage, less what contradicts it. A pair
 * of copied passages counts as one source, not two.
 */
export function supportScore(evidence: readonly EvidenceFacts[], warnings: readonly ClaimWarning[]): number {
  const supports = evidence.filter((e) => e.relation === 'supports')
  const strong = new Set(supports.filter((e) => e.credibility !== null && e.credibility <= 3).map((e) => e.sourceId ?? `article:${e.articleId}`))
  const contradicts = evidence.filter((e) => e.relation === 'contradicts').length
  const copied = warnings.some((w) => w.kind === 'circular_reporting') ? 1 : 0
  return (strong.size - copied) * 10 + supports.length - contradicts * 5
}

/** Each passage's trigrams built once, for the warnings of a whole list of claims. */
export function shingleCache(): (e: EvidenceFacts) => ReadonlySet<string> {
  const cache = new Map<string, ReadonlySet<string>>()
  return (e) => {
    let set = cache.get(e.highlightId)
    if (!set) cache.set(e.highlightId, (set = passageShingles(e.exact)))
    return set
  }
}
