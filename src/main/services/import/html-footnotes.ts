import type { Block } from '../../../shared/document/article-document'

/** A note's marker as a reference shows it: "1", "[2]", "*", "†", "a". */
const LABEL = /^\[?(\d{1,3}|[*†‡§¶]{1,3}|[a-z])\]?$/u
/** The note's own link back to its reference: "↩", "^", "Back", or its number again. */
const BACK_LINK = /^\s*(?:↩︎?|↑|\^|back|return|\[?\d{1,3}\]?\.?)\s*$/iu
/** A note is a few sentences; a target longer than this is a section, not a note. */
const MAX_NOTE_CHARS = 2_000
/** Notes read at most: a hostile page's thousands of "#" links cost one look each, not more. */
const MAX_NOTES = 500

export interface HtmlFootnote {
  label: string
  text: string
}

/**
 * A page's footnotes (Pandoc's, WordPress's, Substack's, a think tank's): a short marker linked to
 * an element further down the page. The reference then reads "[1]" in the text, where the page
 * showed a raised 1, and the note is taken out to become a footnote block after the story, as
 * Word and EPUB notes are. A link to a heading or a whole section (a table of contents) is no
 * note. Runs on the sanitized page, before its blocks are written.
 */
export function takeFootnotes(doc: Document): HtmlFootnote[] {
  const notes: HtmlFootnote[] = []
  const taken = new Set<Element>()
  const looked = new Set<Element>()
  for (const ref of Array.from(doc.body.getElementsByTagName('a'))) {
    if (notes.length >= MAX_NOTES) break
    const href = ref.getAttribute('href') ?? ''
    if (REVIEW_COMMENT.test(href)) {
      if (ref.isConnected) dropReviewComment(doc, ref, href)
      continue
    }
    const label = LABEL.exec((ref.textContent ?? '').trim())?.[1]
    if (!href.startsWith('#') || href.length < 2 || !label || !ref.isConnected || !inRunningText(ref)) continue
    const target = doc.getElementById(decodeFragment(href.slice(1)))
    // Each target is judged once: a second link to it is no note's reference.
    if (!target || looked.has(target) || !(ref.compareDocumentPosition(target) & 4 /* DOCUMENT_POSITION_FOLLOWING */)) continue
    looked.add(target)
    const note = noteOf(target)
    if (!note || note.contains(ref) || taken.has(note)) continue
    const text = noteText(note, label)
    if (!text) continue
    taken.add(note)
    notes.push({ label, text })
    raisedReference(ref).replaceWith(doc.createTextNode(`[${label}]`))
  }
  for (const note of taken) {
    const list = note.parentElement
    note.remove()
    if (list && /^(?:ol|ul)$/.test(list.localName) && list.children.length === 0) list.remove()
  }
  return notes
}

/** A reference with the <sup> around it, when the <sup> holds nothing else: they go together. */
function raisedReference(ref: Element): Element {
  const sup = ref.parentElement
  return sup?.localName === 'sup' && sup.textContent?.trim() === ref.textContent?.trim() ? sup : ref
}

/**
 * A Google Docs export's comments: "[a]" after the passage, linked to the reviewer's comment at the
 * end ("#cmnt1"). Remarks on the draft, not its text: like a Word file's comments, not imported.
 */
const REVIEW_COMMENT = /^#cmnt\d+$/u

function dropReviewComment(doc: Document, ref: Element, href: string): void {
  const comment = doc.getElementById(href.slice(1))
  const box = comment?.closest('div') ?? comment?.parentElement
  if (box && box !== doc.body && (box.textContent ?? '').length <= MAX_NOTE_CHARS) box.remove()
  raisedReference(ref).remove()
}

/** A reference sits in a sentence: pagination ("1 2 3") and a list of section numbers do not. */
function inRunningText(ref: Element): boolean {
  const host = ref.closest('p, li, dd, td, blockquote, figcaption') ?? ref.parentElement
  return ((host?.textContent ?? '').length - (ref.textContent ?? '').length) >= 20
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/**
 * The element that holds the note a link points to: the list item of a notes list, or the
 * target's own box when the target is only the note's number (Substack's, some CMSs').
 */
function noteOf(target: Element): Element | null {
  const candidate = target.closest('li') ?? (target.localName === 'a' || (target.textContent ?? '').trim().length <= 4 ? target.parentElement : target)
  if (!candidate || candidate === candidate.ownerDocument.body) return null
  if (/^h[1-6]$/.test(candidate.localName) || candidate.querySelector('h1, h2, h3, h4, h5, h6, table')) return null
  const length = (candidate.textContent ?? '').trim().length
  return length > 0 && length <= MAX_NOTE_CHARS ? candidate : null
}

/** The note's words, without its number and without its links back to the text. */
function noteText(note: Element, label: string): string {
  const copy = note.cloneNode(true) as Element
  for (const a of Array.from(copy.getElementsByTagName('a'))) {
    if ((a.getAttribute('href') ?? '').startsWith('#') && BACK_LINK.test(a.textContent ?? '')) a.remove()
  }
  const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return text.replace(new RegExp(`^\\[?${escaped}\\]?[.)]?\\s+`, 'u'), '').normalize('NFC')
}

/** The notes as footnote blocks after the story's last kept block, before what follows it. */
export function withFootnotes(blocks: Block[], notes: readonly HtmlFootnote[]): Block[] {
  if (notes.length === 0) return blocks
  const footnotes: Block[] = notes.map((n) => ({ kind: 'footnote', text: `[${n.label}] ${n.text}` }))
  let last = -1
  blocks.forEach((b, i) => {
    if (!b.removed) last = i
  })
  return [...blocks.slice(0, last + 1), ...footnotes, ...blocks.slice(last + 1)]
}
