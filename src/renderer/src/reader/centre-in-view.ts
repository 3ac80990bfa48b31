/**
 * Blocks off screen are not laid out (`content-visibility: auto`), so the first scroll lands on
 * estimated heights; the blocks it brings into view are then laid out, and one more scroll on
 * the next frame puts the passage where it belongs. Not smooth: a smooth scroll would aim at the
 * estimate.
 */
export function centre(element: HTMLElement): void {
  element.scrollIntoView({ block: 'center' })
  requestAnimationFrame(() => element.isConnected && element.scrollIntoView({ block: 'center' }))
}
