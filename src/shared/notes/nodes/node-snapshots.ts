import { z } from 'zod'
import { CLAIM_STATUSES } from '../../analysis/claim-warnings'

// What each of our nodes saves, apart from the Lexical classes: code that only reads a saved
// notebook (the brief, Markdown) needs these, and must not bring the editor into the renderer's
// first paint (decision 0030). Each node's module re-exports its part.

/**
 * What a quote showed when it was inserted. The node keeps this copy so a notebook still reads
 * (and exports) when its highlight is later deleted or loses its passage.
 */
export const HighlightQuoteSnapshot = z.object({
  highlightId: z.uuid(),
  quote: z.string().max(100_000),
  /** The label's name, or '' for a highlight without one. */
  label: z.string().max(200),
  /** Source and date, ready to print: "Harbour Gazette, 2026-03-01". */
  citation: z.string().max(1000)
})
export type HighlightQuoteSnapshot = z.infer<typeof HighlightQuoteSnapshot>

export const HIGHLIGHT_QUOTE_TYPE = 'dossier-highlight-quote'

/**
 * The quote's text as it survives Markdown: no indentation (four spaces would make a code
 * block), no runs of blank lines.
 */
export function normalizeQuoteText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const Count = z.number().int().min(0).max(1_000_000)

/**
 * What a claim showed when it was quoted: its statement, status and evidence counts. The node
 * keeps this copy so the brief still reads (and exports) when the claim changes or is deleted;
 * the editor shows the claim's live state beside it.
 */
export const ClaimQuoteSnapshot = z.object({
  claimId: z.uuid(),
  text: z.string().min(1).max(2000),
  status: z.enum(CLAIM_STATUSES),
  supports: Count,
  contradicts: Count,
  context: Count
})
export type ClaimQuoteSnapshot = z.infer<typeof ClaimQuoteSnapshot>

export const CLAIM_QUOTE_TYPE = 'dossier-claim-quote'

/**
 * A table copied into a brief from another view at the time it was inserted: the case's entity
 * list, a timeline excerpt, an ACH matrix summary. Like a quote, it keeps its snapshot, so the
 * brief says what the analyst saw when writing, and exports without reaching back into views.
 */
export const SnapshotTable = z.object({
  kind: z.enum(['entities', 'timeline', 'ach']),
  title: z.string().max(500),
  columns: z.array(z.string().max(200)).min(1).max(30),
  rows: z.array(z.array(z.string().max(5000))).max(2000),
  /** Where the rows come from, said under the table ("Case Harbour, 2026-03-04"). */
  caption: z.string().max(1000),
  /**
   * What the title and caption say, as values, so an export words them in its own language
   * (tables inserted before this was kept are exported as written).
   */
  facts: z
    .object({
      name: z.string().max(500),
      at: z.string().max(40),
      rows: z.number().int().nonnegative().optional(),
      on: z.number().int().nonnegative().optional(),
      linchpins: z.number().int().nonnegative().optional(),
      shown: z.number().int().nonnegative().optional(),
      total: z.number().int().nonnegative().optional()
    })
    .optional()
})
export type SnapshotTable = z.infer<typeof SnapshotTable>

export const SNAPSHOT_TABLE_TYPE = 'dossier-snapshot-table'

export const KEY_JUDGEMENT_TYPE = 'dossier-key-judgement'
