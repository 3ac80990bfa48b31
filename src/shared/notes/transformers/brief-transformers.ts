import type { ElementTransformer } from '@lexical/markdown'
import { $createKeyJudgementNode, $isKeyJudgementNode, KeyJudgementNode } from '../nodes/KeyJudgementNode'
import { $isSnapshotTableNode, SnapshotTableNode } from '../nodes/SnapshotTableNode'
import { escapeMarkdownInline } from '../../markdown/escape-markdown'

const KEY_JUDGEMENT_PREFIX = '**Key judgement:** '

/** `**Key judgement:** We assess…` both ways: readable in any Markdown reader, and back into the block. */
export const KEY_JUDGEMENT: ElementTransformer = {
  type: 'element',
  dependencies: [KeyJudgementNode],
  export: (node, exportChildren) => ($isKeyJudgementNode(node) ? `${KEY_JUDGEMENT_PREFIX}${exportChildren(node)}` : null),
  regExp: /^\*\*Key judgement:\*\*\s/,
  replace: (parentNode, children) => {
    const node = $createKeyJudgementNode()
    node.append(...children)
    parentNode.replace(node)
    node.select(0, 0)
  },
  triggerOnEnter: false
}

/**
 * A snapshot table exports as a Markdown table under its title. It does not come back from
 * Markdown (a table there is just a table): the regExp matches nothing.
 */
export const SNAPSHOT_TABLE: ElementTransformer = {
  type: 'element',
  dependencies: [SnapshotTableNode],
  export: (node) => {
    if (!$isSnapshotTableNode(node)) return null
    const { title, columns, rows, caption } = node.getTable()
    const cell = (s: string) => escapeMarkdownInline(s.replace(/\s+/g, ' ').trim())
    const lines = [`**${cell(title)}**`, '', `| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`]
    for (const row of rows) lines.push(`| ${columns.map((_, i) => cell(row[i] ?? '')).join(' | ')} |`)
    if (caption) lines.push('', `*${cell(caption)}*`)
    return lines.join('\n')
  },
  regExp: /(?!)/,
  replace: () => false
}
