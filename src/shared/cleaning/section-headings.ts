import { CHROME } from './chrome-rules'
import { isHeadingShaped, opensRunningText } from './line-shape'
import { isStandalone, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** Whether the next kept line is running text or a list, as under a section heading. */
function leadsIntoBody(lines: SourceLine[], roles: LineRole[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const role = roles[j]!
    if (role.kind === 'removed' || role.kind === 'quote-break') continue
    if (role.kind === 'list-item') return true
    return role.kind === 'body' && opensRunningText(lines[j]!, lines[j + 1])
  }
  return false
}

/**
 * A wiki's "[edit]" link after a heading, as a copied page keeps it: "History[edit]", "Geschichte
 * [Bearbeiten | Quelltext bearbeiten]", "Histoire [modifier | modifier le code]".
 */
const EDIT_LINK = /\s*\[\s*(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|editar código-fonte|editar código|modifica|modifica wikitesto|bewerken|brontekst bewerken|edytuj|edytuj kod|править|править код|редактировать|編集|编辑|編輯)(?:\s*\|\s*[^\]|]{1,30})*\s*\]$/iu

/** Short standalone lines that open a stretch of body text ("A whole new foreign policy world"). */
export function markSectionHeadings(lines: SourceLine[], roles: LineRole[]): void {
  lines.forEach((line, i) => {
    if (roles[i]!.kind !== 'body') return
    const edit = EDIT_LINK.exec(line.text)
    const words = edit ? line.text.slice(0, edit.index) : line.text
    if (!isHeadingShaped(words)) return
    // The wiki's control says it is a heading, whatever stands around it (a list of references).
    if (edit) roles[i] = { kind: 'heading', text: words, aside: { text: edit[0].trim(), reason: CHROME.navigation } }
    else if (isStandalone(lines, roles, i) && leadsIntoBody(lines, roles, i)) roles[i] = { kind: 'heading' }
  })
}
