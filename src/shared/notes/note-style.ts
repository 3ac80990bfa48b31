/**
 * The inline CSS properties Dossier's note editors set themselves: none. Bold, italic, code and the
 * rest are text formats, not styles. A saved note's `style` (text nodes) or `textStyle` (elements)
 * can only come from a hand-made state, an old file or a paste, and would be applied verbatim:
 * `position: fixed` covering the window, `url(…)` fetching (a CSP violation). Listing a property
 * here is the one way to let the editor use it.
 */
export const NOTE_STYLE_PROPERTIES: ReadonlySet<string> = new Set<string>()

/** A value made only of words, numbers, `#`, `%`, `.`, `-`, `,` and spaces: no `url(`, no `expression(`, no escapes. */
const PLAIN_VALUE = /^[\w\s#%.,-]*$/

/** Keeps the allowed properties of a CSS text, with plain values; drops everything else. */
export function allowedNoteStyle(style: string): string {
  return style
    .split(';')
    .flatMap((decl) => {
      const colon = decl.indexOf(':')
      if (colon < 0) return []
      const property = decl.slice(0, colon).trim().toLowerCase()
      const value = decl.slice(colon + 1).trim()
      return NOTE_STYLE_PROPERTIES.has(property) && PLAIN_VALUE.test(value) ? [`${property}: ${value}`] : []
    })
    .join('; ')
}

/**
 * A serialized note (Lexical JSON) with every node's `style` and `textStyle` reduced to the
 * allowed properties. Used on save (main) and before the editor loads a note (renderer). Text
 * that is not JSON is returned as it is, for the loader to refuse.
 */
export function withAllowedStyles(serialized: string): string {
  let state: unknown
  try {
    state = JSON.parse(serialized)
  } catch {
    return serialized
  }
  return clean(state) ? JSON.stringify(state) : serialized
}

/** Cleans in place; true if anything changed. Iterative: a note may nest deeper than the stack allows. */
function clean(root: unknown): boolean {
  let changed = false
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    const record = node as Record<string, unknown>
    for (const key of ['style', 'textStyle']) {
      const value = record[key]
      if (typeof value !== 'string' || value === '') continue
      const kept = allowedNoteStyle(value)
      if (kept !== value) {
        record[key] = kept
        changed = true
      }
    }
    if (record.root !== undefined) stack.push(record.root)
    if (Array.isArray(record.children)) stack.push(...record.children)
  }
  return changed
}
