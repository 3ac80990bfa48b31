import type { Reliability } from '../analysis/admiralty'
import { PASSAGE_COPY_THRESHOLD, PASSAGE_SHINGLE, shingleOverlap, wordShingles } from '../analysis/shingles'
import { inconsistencyOf, type Cell } from './ratings'
import type { WeightLevel } from './weights'

export const ACH_WARNING_KINDS = ['same_source', 'near_copy', 'no_inconsistent_evidence', 'low_grade_high_weight'] as const
export type AchWarningKind = (typeof ACH_WARNING_KINDS)[number]

export interface AchWarning {
  kind: AchWarningKind
  /** In English, for the CLI and the exports; the interface words it from the kind, the rows and `values`. */
  message: string
  /** What the message names beyond the rows: `source`, `grade`, `hypothesis`, `copied` (1 when the passages share their wording). */
  values: Record<string, string | number>
  /** The rows it is about, by index. */
  rows: number[]
  /** The hypotheses it is about, by index. */
  hypotheses: number[]
}

/** What the warnings need to know of one row, beyond its ratings. */
export interface RowFacts {
  enabled: boolean
  cells: readonly Cell[]
  /** The source's id (or another key for "same source"); null when the row has no single source (a claim). */
  sourceKey: string | null
  sourceName: string | null
  /** The article the passage is in; null for a claim. */
  articleId: string | null
  /** The quoted words (a highlight's passage, a claim's text). */
  passage: string
  reliability: Reliability | null
  credibility: number | null
  credibilityWeight: WeightLevel
}

/**
 * Warnings over the enabled rows, never verdicts; each names what it saw:
 * - several rows from one source: dependent evidence counted as if independent;
 * - two rows whose passages share most of their wording (word-trigram overlap, the claims'
 *   circular-reporting test) or whose articles are near-copies (`nearCopies`, MinHash);
 * - a hypothesis no enabled row rates I or II: nothing has tried to refute it yet;
 * - a row graded E or 5–6 that carries a High credibility weight.
 */
export function achWarnings(rows: readonly RowFacts[], hypotheses: readonly string[], nearCopies: (a: string, b: string) => boolean = () => false): AchWarning[] {
  const against = hypotheses.map((_, h) => rows.some((row) => row.enabled && inconsistencyOf(row.cells[h] ?? null) > 0))
  return [...evidenceWarnings(rows, nearCopies), ...unrefutedWarnings(hypotheses, against, rows.some((r) => r.enabled))]
}

/**
 * The warnings about the evidence itself, which no rating changes: the view computes them when
 * rows change, not on every keypress (near-copies compare every pair of rows).
 */
export function evidenceWarnings(rows: readonly Omit<RowFacts, 'cells'>[], nearCopies: (a: string, b: string) => boolean = () => false): AchWarning[] {
  const warnings: AchWarning[] = []
  const on = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.enabled)

  const bySource = new Map<string, number[]>()
  for (const { row, i } of on) {
    if (row.sourceKey === null) continue
    bySource.set(row.sourceKey, [...(bySource.get(row.sourceKey) ?? []), i])
  }
  for (const [, indices] of bySource) {
    if (indices.length < 2) continue
    const name = rows[indices[0]!]!.sourceName ?? 'one article'
    warnings.push({
      kind: 'same_source',
      message: `Same source: ${indices.length} rows come from ${name} (${rowList(indices)}); they may not be independent evidence.`,
      values: { source: rows[indices[0]!]!.sourceName ?? '' },
      rows: indices,
      hypotheses: []
    })
  }

  const shingles = on.map(({ row }) => wordShingles(row.passage, PASSAGE_SHINGLE))
  for (let x = 0; x < on.length; x++) {
    for (let y = x + 1; y < on.length; y++) {
      const a = on[x]!
      const b = on[y]!
      if (a.row.articleId !== null && a.row.articleId === b.row.articleId) continue
      const copied = shingleOverlap(shingles[x]!, shingles[y]!) >= PASSAGE_COPY_THRESHOLD
      const articles = !copied && a.row.articleId !== null && b.row.articleId !== null && nearCopies(a.row.articleId, b.row.articleId)
      if (!copied && !articles) continue
      warnings.push({
        kind: 'near_copy',
        message: `Near-copies: ${rowList([a.i, b.i])} ${copied ? 'share most of their wording' : 'come from articles that are near-copies'}; they are likely one report repeated (circular reporting).`,
        values: { copied: copied ? 1 : 0 },
        rows: [a.i, b.i],
        hypotheses: []
      })
    }
  }

  for (const { row, i } of on) {
    const weak = row.reliability === 'E' || row.credibility === 5 || row.credibility === 6
    if (!weak || row.credibilityWeight !== 'high') continue
    const grade = `${row.reliability ?? '?'}${row.credibility ?? '?'}`
    warnings.push({
      kind: 'low_grade_high_weight',
      message: `Weak grade, high weight: row ${i + 1} is graded ${grade} but weighted High for credibility.`,
      values: { grade },
      rows: [i],
      hypotheses: []
    })
  }
  return warnings
}

/**
 * Hypotheses nothing argues against yet: `against[h]` says whether any enabled row rates h I or
 * II (the same as its inconsistency score being above 0). Silent until some row is enabled.
 */
export function unrefutedWarnings(hypotheses: readonly string[], against: readonly boolean[], anyEnabled: boolean): AchWarning[] {
  if (!anyEnabled) return []
  return hypotheses.flatMap((name, h) =>
    against[h]
      ? []
      : [
          {
            kind: 'no_inconsistent_evidence' as const,
            message: `No inconsistent evidence: no row rates “${name}” I or II. ACH ranks hypotheses by the evidence against them; look for what would refute it.`,
            values: { hypothesis: name },
            rows: [],
            hypotheses: [h]
          }
        ]
  )
}

/** "rows 1, 3 and 4", counting from 1 as the matrix shows them. */
function rowList(indices: readonly number[]): string {
  const n = indices.map((i) => String(i + 1))
  if (n.length === 1) return `row ${n[0]}`
  return `rows ${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`
}
