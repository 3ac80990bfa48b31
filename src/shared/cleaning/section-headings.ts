import { isHeadingShaped, isProse } from './line-shape'
import { isStandalone, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** Whether the next kept line is running text or a list, as under a section heading. */
function leadsIntoBody(lines: SourceLine[], roles: LineRole[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const role = roles[j]!
    if (role.kind === 'removed' || role.kind === 'quote-break') continue
    if (role.kind === 'list-item') return true
    return role.kind === 'body' && isProse(lines[j]!.text)
  }
  return false
}

/** Short standalone lines that open a stretch of body text ("A whole new foreign policy world"). */
export function markSectionHeadings(lines: SourceLine[], roles: LineRole[]): void {
  lines.forEach((line, i) => {
    if (roles[i]!.kind !== 'body' || !isHeadingShaped(line.text)) return
    if (isStandalone(lines, roles, i) && leadsIntoBody(lines, roles, i)) roles[i] = { kind: 'heading' }
  })
}
