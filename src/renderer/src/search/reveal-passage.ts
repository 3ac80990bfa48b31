import { centre } from '../reader/centre-in-view'
import { readerStillDrawing } from '../reader/progressive-blocks'
/**
 * Scrolls the reader to a passage given by canonical-text offsets and flashes it. Every piece of
 * rendered text carries `data-start`, its offset, so the passage is found without changing the
 * DOM React owns; the flash is a class on the piece and a CSS custom highlight over the words.
 * Returns false when the passage is not on the page (yet).
 */
export function revealPassage(start: number, end: number): boolean {
  const root = document.querySelector<HTMLElement>('[data-testid="reader-text"]')
  if (!root) return false
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const at = (offset: number) =>
    pieces.find((p) => {
      const s = Number(p.dataset.start)
      return s <= offset && offset < s + (p.textContent?.length ?? 0)
    })
  const first = at(start)
  if (!first) return false
  const last = at(Math.max(start, end - 1)) ?? first
  centre(first)
  for (const p of root.querySelectorAll('.search-flash')) p.classList.remove('search-flash')
  first.classList.add('search-flash')
  setTimeout(() => first.classList.remove('search-flash'), 2000)
  const startNode = first.firstChild
  const endNode = last.firstChild
  if (startNode && endNode && 'highlights' in CSS) {
    const range = document.createRange()
    range.setStart(startNode, start - Number(first.dataset.start))
    range.setEnd(endNode, Math.min(end - Number(last.dataset.start), endNode.textContent?.length ?? 0))
    CSS.highlights.set('search-hit', new Highlight(range))
    setTimeout(() => CSS.highlights.delete('search-hit'), 2000)
  }
  return true
}

/**
 * Tries on each frame until the reader shows the passage: the article may still be rendering,
 * and a long one is drawn in steps (reader/progressive-blocks.ts), so the tries last while it is.
 */
export function revealWhenShown(reveal: () => boolean, framesLeft = 60): void {
  requestAnimationFrame(() => {
    if (!reveal() && (framesLeft > 0 || readerStillDrawing())) revealWhenShown(reveal, framesLeft - 1)
  })
}
