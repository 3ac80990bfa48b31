import { OUTLINE_ATTR } from './html-copy'

/**
 * Where an element of the page stands to the story extraction found: inside it, around it (an
 * ancestor: the page's body, its layout wrappers), or out of it (navigation, banners, comments,
 * related boxes, and whatever extraction dropped inside the story).
 */
export type Standing = 'in' | 'around' | 'out'

export interface Outline {
  standing(el: Element): Standing
}

/**
 * The outline of the page given what extraction returned (`extracted`, from the numbered copy:
 * html-copy.ts) and the page's elements by number (`numbered`): an element is in when its number
 * is in the extracted tree, around when it holds such an element. Linear: each kept element
 * marks its ancestors until it meets one already marked.
 */
export function outlineOf(numbered: readonly Element[], extracted: Element): Outline {
  const kept = new Set<Element>()
  for (let el: Element | null = extracted; el; el = nextElement(el, extracted)) {
    const n = el.getAttribute(OUTLINE_ATTR)
    const page = n === null ? undefined : numbered[Number(n)]
    if (page) kept.add(page)
  }
  const around = new Set<Element>()
  for (const el of kept) {
    for (let up = el.parentElement; up && !around.has(up) && !kept.has(up); up = up.parentElement) around.add(up)
  }
  return {
    standing: (el) => (kept.has(el) ? 'in' : around.has(el) ? 'around' : 'out')
  }
}

/** The element after `el` in document order, within `root`; no recursion, whatever the depth. */
function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling
  }
  return null
}
