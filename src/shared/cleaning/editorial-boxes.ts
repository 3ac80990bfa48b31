import { endsSentence } from './line-shape'
import { isStandalone, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** Labels of boxes that publishers set beside the story: kept, but not read as the story itself. */
const LABELS = new Set([
  'why we wrote this',
  'key points',
  'key takeaways',
  'takeaways',
  "editor's note",
  "editors' note",
  'what you need to know',
  'at a glance',
  'in brief',
  'why it matters',
  'the big picture',
  'fact box',
  'quick read',
  'the short version'
])

function labelOf(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ').replace(/[\s:.]+$/u, '')
}

export function isEditorialLabel(text: string): boolean {
  return LABELS.has(labelOf(text))
}

/** "Editor's note: This story was updated…": label and box on one line. */
function isInlineEditorial(text: string): boolean {
  const colon = text.indexOf(':')
  return colon > 0 && colon < 40 && isEditorialLabel(text.slice(0, colon)) && text.slice(colon + 1).trim() !== ''
}

/**
 * A label line and the paragraph that follows it form the box. When the label ends its paragraph
 * the box is the next paragraph; when text follows on the next lines, the box runs to the end of
 * its first sentence, so a text with no blank lines does not become one long box.
 */
export function markEditorialBoxes(lines: SourceLine[], roles: LineRole[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (roles[i]!.kind !== 'body') continue
    if (isInlineEditorial(line.text) && isStandalone(lines, roles, i)) {
      roles[i] = { kind: 'editorial' }
      continue
    }
    if (!isEditorialLabel(line.text) || !isStandalone(lines, roles, i)) continue
    roles[i] = { kind: 'editorial-label' }
    const box = i + 1
    const boxLine = lines[box]
    if (!boxLine) break
    const wholeParagraph = line.last
    for (let j = box; j < lines.length && roles[j]!.kind === 'body'; j++) {
      const current = lines[j]!
      if (current.paragraph !== boxLine.paragraph) break
      roles[j] = { kind: 'editorial' }
      if (!wholeParagraph && endsSentence(current.text)) break
    }
  }
}
