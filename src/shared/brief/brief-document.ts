import { CLAIM_STATUS_NAMES, type ClaimStatus } from '../analysis/claim-warnings'
import { CLAIM_QUOTE_TYPE, ClaimQuoteSnapshot, HIGHLIGHT_QUOTE_TYPE, HighlightQuoteSnapshot, KEY_JUDGEMENT_TYPE, SNAPSHOT_TABLE_TYPE, SnapshotTable } from '../notes/nodes/node-snapshots'

/**
 * A brief as every export writes it: a flat list of blocks, each quote pointing at its footnote.
 * Built from the case notebook's saved Lexical state (or, with no brief yet, from the case's
 * claims and highlights), so the Markdown, HTML and Word writers share one reading of the brief
 * and check mode looks at the same sentences they print.
 */
export interface Inline {
  text: string
  bold?: boolean
  italic?: boolean
  href?: string
}

export type BriefBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'keyJudgement'; text: Inline[] }
  /** A quoted highlight or claim; `cite` is its footnote's index in Brief.cites (0-based). */
  | { kind: 'quote'; quote: string; label: string; cite: number; claimStatus?: ClaimStatus }
  /** An ordinary blockquote the analyst typed: no citation of its own. */
  | { kind: 'blockquote'; text: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; table: SnapshotTable }
  | { kind: 'rule' }

/** What a footnote cites: a highlight (its snapshot as quoted) or a claim. */
export type CiteRef =
  | { kind: 'highlight'; highlightId: string; quoted: string; snapshotCitation: string }
  | { kind: 'claim'; claimId: string; quoted: string }

export interface Brief {
  title: string
  blocks: BriefBlock[]
  cites: CiteRef[]
  /** True when the case had no brief and this one was drafted from its claims and highlights. */
  draft: boolean
}

interface JsonNode {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  url?: unknown
  listType?: unknown
  [key: string]: unknown
}

const BOLD = 1
const ITALIC = 2

/** The brief in a case notebook's serialized state. Unknown node types keep their text as a paragraph. */
export function briefFromNotebook(serialized: string, title: string): Brief {
  const state = JSON.parse(serialized) as { root?: JsonNode }
  const blocks: BriefBlock[] = []
  const cites: CiteRef[] = []
  for (const node of children(state.root)) {
    const found = nodeBlock(node)
    if (!found.block) continue
    if (found.cite) {
      cites.push(found.cite)
      blocks.push({ ...found.block, cite: cites.length - 1 } as BriefBlock)
    } else blocks.push(found.block)
  }
  return { title, blocks, cites, draft: false }
}

/**
 * What one top-level node of the notebook makes: a block or nothing, and the footnote it cites.
 * A quote's `cite` is left at -1: its number is its place among the brief's cites, which only
 * the whole brief knows (briefFromNotebook, and the Markdown export's per-block cache).
 */
export function nodeBlock(node: unknown): { block: BriefBlock | null; cite: CiteRef | null } {
  const cites: CiteRef[] = []
  const block = toBlock(node as JsonNode, cites)
  return { block, cite: cites[0] ?? null }
}

/** True when a block is one isEmptyBrief ignores: an empty paragraph or heading. */
export function isEmptyBlock(b: BriefBlock): boolean {
  return (b.kind === 'paragraph' || b.kind === 'heading') && plain(b.text).trim() === ''
}

/** True when the notebook holds nothing but empty paragraphs: the CLI then writes a draft instead. */
export function isEmptyBrief(brief: Brief): boolean {
  return brief.blocks.every(isEmptyBlock)
}

function toBlock(node: JsonNode, cites: CiteRef[]): BriefBlock | null {
  switch (node.type) {
    case 'heading': {
      const level = Number(String(node.tag).replace(/^h/, ''))
      return { kind: 'heading', level: (level >= 1 && level <= 6 ? level : 2) as 1, text: inlines(node) }
    }
    case KEY_JUDGEMENT_TYPE:
      return { kind: 'keyJudgement', text: inlines(node) }
    case 'quote':
      return { kind: 'blockquote', text: inlines(node) }
    case 'list':
      return {
        kind: 'list',
        ordered: node.listType === 'number',
        items: children(node).map((item) => inlines(item))
      }
    case HIGHLIGHT_QUOTE_TYPE: {
      const snap = HighlightQuoteSnapshot.safeParse(node)
      if (!snap.success) return null
      cites.push({ kind: 'highlight', highlightId: snap.data.highlightId, quoted: snap.data.quote, snapshotCitation: snap.data.citation })
      return { kind: 'quote', quote: snap.data.quote, label: snap.data.label, cite: -1 }
    }
    case CLAIM_QUOTE_TYPE: {
      const snap = ClaimQuoteSnapshot.safeParse(node)
      if (!snap.success) return null
      cites.push({ kind: 'claim', claimId: snap.data.claimId, quoted: snap.data.text })
      return { kind: 'quote', quote: snap.data.text, label: `Claim, ${CLAIM_STATUS_NAMES[snap.data.status].toLowerCase()}`, claimStatus: snap.data.status, cite: -1 }
    }
    case SNAPSHOT_TABLE_TYPE: {
      const table = SnapshotTable.safeParse(node.table)
      return table.success ? { kind: 'table', table: table.data } : null
    }
    case 'horizontalrule':
      return { kind: 'rule' }
    default:
      return { kind: 'paragraph', text: inlines(node) }
  }
}

function children(node: JsonNode | undefined): JsonNode[] {
  return Array.isArray(node?.children) ? (node.children as JsonNode[]) : []
}

/** Text runs of a block, links kept, nested elements (list items' nested lists) flattened. */
function inlines(node: JsonNode, href?: string): Inline[] {
  const out: Inline[] = []
  for (const child of children(node)) {
    if (child.type === 'text' || child.type === 'code-highlight') {
      const format = typeof child.format === 'number' ? child.format : 0
      const run: Inline = { text: String(child.text ?? '') }
      if (format & BOLD) run.bold = true
      if (format & ITALIC) run.italic = true
      if (href) run.href = href
      out.push(run)
    } else if (child.type === 'linebreak') {
      out.push({ text: '\n' })
    } else if (child.type === 'tab') {
      out.push({ text: '\t' })
    } else if (child.type === 'link' || child.type === 'autolink') {
      out.push(...inlines(child, typeof child.url === 'string' ? child.url : undefined))
    } else if (Array.isArray(child.children)) {
      if (out.length) out.push({ text: ' ' })
      out.push(...inlines(child, href))
    }
  }
  return out
}

export function plain(text: readonly Inline[]): string {
  return text.map((r) => r.text).join('')
}

/** Only links a reader may follow leave Dossier as links (as in note Markdown). */
export function safeHref(href: string | undefined): string | null {
  return href && /^(?:https?:\/\/|mailto:|dossier:\/\/)/i.test(href.trim()) ? href.trim() : null
}
