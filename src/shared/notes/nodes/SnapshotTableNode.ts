import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical'
import { createNodeElement } from './node-dom'
import { SNAPSHOT_TABLE_TYPE, SnapshotTable } from './node-snapshots'

export { SNAPSHOT_TABLE_TYPE, SnapshotTable } from './node-snapshots'

export type SerializedSnapshotTableNode = Spread<{ table: SnapshotTable }, SerializedLexicalNode>

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
