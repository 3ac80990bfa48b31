import type { HighlightQuoteSnapshot } from '../notes/nodes/HighlightQuoteNode'
import type { SnapshotTable } from '../notes/nodes/SnapshotTableNode'

/**
 * Serialized case-notebook states, as the editor saves them, for the brief's tests and benchmark:
 * building them by hand keeps those free of a DOM.
 */
const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 })
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra
})

export type NotebookPart =
  | { heading: string }
  | { paragraph: string }
  | { keyJudgement: string }
  | { quote: HighlightQuoteSnapshot }
  | { claim: { claimId: string; text: string } }
  | { table: SnapshotTable }

export function notebookState(parts: readonly NotebookPart[]): string {
  const children = parts.map((p) => {
    if ('heading' in p) return element('heading', [text(p.heading)], { tag: 'h2' })
    if ('keyJudgement' in p) return element('dossier-key-judgement', [text(p.keyJudgement)])
    if ('quote' in p) return { type: 'dossier-highlight-quote', version: 1, ...p.quote }
    if ('table' in p) return { type: 'dossier-snapshot-table', version: 1, table: p.table }
    if ('claim' in p) return { type: 'dossier-claim-quote', version: 1, ...p.claim, status: 'unassessed', supports: 1, contradicts: 0, context: 0 }
    return element('paragraph', [text(p.paragraph)], { textFormat: 0, textStyle: '' })
  })
  return JSON.stringify({ root: element('root', children) })
}
