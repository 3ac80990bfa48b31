import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical'
import { z } from 'zod'
import { createNodeElement } from './node-dom'

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

export type SerializedSnapshotTableNode = Spread<{ table: SnapshotTable }, SerializedLexicalNode>

export const SNAPSHOT_TABLE_TYPE = 'dossier-snapshot-table'

export type SnapshotTableView = (table: SnapshotTable, nodeKey: NodeKey) => unknown
let registeredView: SnapshotTableView | null = null

/** The renderer draws the table (React); main registers nothing, as for quotes (decision 0008). */
export function setSnapshotTableView(view: SnapshotTableView | null): void {
  registeredView = view
}

export class SnapshotTableNode extends DecoratorNode<unknown> {
  __table: SnapshotTable

  static override getType(): string {
    return SNAPSHOT_TABLE_TYPE
  }

  static override clone(node: SnapshotTableNode): SnapshotTableNode {
    return new SnapshotTableNode(node.__table, node.__key)
  }

  static override importJSON(json: SerializedSnapshotTableNode): SnapshotTableNode {
    const parsed = SnapshotTable.safeParse(json.table)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`a table block has a bad ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`)
    }
    return $createSnapshotTableNode(parsed.data)
  }

  constructor(table: SnapshotTable, key?: NodeKey) {
    super(key)
    this.__table = table
  }

  override exportJSON(): SerializedSnapshotTableNode {
    return { type: SNAPSHOT_TABLE_TYPE, version: 1, table: this.getTable() }
  }

  getTable(): SnapshotTable {
    return this.getLatest().__table
  }

  override createDOM() {
    return createNodeElement('div', 'note-snapshot-table')
  }

  override updateDOM(): boolean {
    return false
  }

  override getTextContent(): string {
    const { title, rows } = this.getLatest().__table
    return `${title}\n${rows.map((r) => r.join(' · ')).join('\n')}\n`
  }

  override isInline(): false {
    return false
  }

  override isKeyboardSelectable(): boolean {
    return true
  }

  override decorate(): unknown {
    return registeredView ? registeredView(this.getTable(), this.getKey()) : null
  }
}

export function $createSnapshotTableNode(table: SnapshotTable): SnapshotTableNode {
  return new SnapshotTableNode(table)
}

export function $isSnapshotTableNode(node: LexicalNode | null | undefined): node is SnapshotTableNode {
  return node instanceof SnapshotTableNode
}
