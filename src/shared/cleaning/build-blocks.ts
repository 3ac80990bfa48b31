import type { Block } from '../document/article-document'
import { joinWrapped, type HardWraps } from './hard-wraps'
import type { LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** Roles whose consecutive lines within one paragraph read as one block. */
const JOINING = new Set<LineRole['kind']>(['body', 'editorial', 'blockquote'])

function blockFor(line: SourceLine, role: LineRole): Block | null {
  switch (role.kind) {
    case 'body':
      return { kind: 'paragraph', text: line.text }
    case 'list-continuation':
      return { kind: 'paragraph', text: line.text }
    case 'list-item':
      return { kind: 'list-item', text: role.text, level: role.level, ordered: role.ordered }
    case 'blockquote':
      return { kind: 'blockquote', text: role.text }
    case 'quote-break':
      return null
    case 'caption':
      return { kind: 'caption', text: line.text }
    case 'editorial-label':
    case 'editorial':
      return { kind: 'editorial', text: line.text }
    case 'heading':
      return { kind: 'heading', text: role.text ?? line.text, level: 2 }
    case 'removed':
      return role.title
        ? { kind: 'heading', text: line.text, level: 1, removed: { reason: role.reason } }
        : { kind: 'paragraph', text: line.text, removed: { reason: role.reason } }
  }
}

function continues(prev: LineRole, role: LineRole): boolean {
  if (role.kind === 'list-continuation') return prev.kind === 'list-item' || prev.kind === 'list-continuation'
  if (role.kind === 'removed') return prev.kind === 'removed' && !prev.title && !role.title && prev.reason === role.reason
  return role.kind === prev.kind && JOINING.has(role.kind)
}

/**
 * Lines to blocks. Lines of one paragraph with the same role stay one block, joined by "\n", as
 * the text had them, or as running text where the text was wrapped by hand (hard-wraps.ts); a
 * role change starts a new block, so a caption or a box inside a paragraph stands apart from the
 * body around it.
 */
export function buildBlocks(lines: SourceLine[], roles: LineRole[], wraps: HardWraps | null = null): Block[] {
  const blocks: Block[] = []
  let open: Block | null = null
  // The last paragraph of body text, which a page break may have cut (hard-wraps.ts).
  let lastBody: Block | null = null
  lines.forEach((line, i) => {
    const role = roles[i]!
    const prevRole = i > 0 ? roles[i - 1]! : null
    if (wraps?.acrossPages.has(i) && lastBody) {
      // The page's running head stays where it was, after the paragraph the page cut.
      lastBody.text = joinWrapped(lastBody.text, line.text, wraps)
      open = lastBody
      return
    }
    if (open && !line.first && !wraps?.startsBlock.has(i) && prevRole && continues(prevRole, role)) {
      const next = role.kind === 'blockquote' ? role.text : line.text
      open.text = wraps?.carriesOn.has(i) && role.kind !== 'removed' ? joinWrapped(open.text, next, wraps) : `${open.text}\n${next}`
      return
    }
    open = blockFor(line, role)
    if (open) blocks.push(open)
    if (role.kind === 'body') lastBody = open
    if (role.kind === 'heading' && role.aside) blocks.push({ kind: 'paragraph', text: role.aside.text, removed: { reason: role.aside.reason } })
  })
  return blocks
}
