import type { ReactNode } from 'react'

/**
 * Stands in for react-remove-scroll, which Radix's modal Dialog and Menu use to lock the page's
 * scrolling: it injects a `<style>` element, which our CSP (style-src 'self', src/shared/csp.ts)
 * refuses, and the window never scrolls as a whole anyway (each pane scrolls itself). The focus
 * trap and the inert background come from Radix's other layers and are unaffected. Aliased in
 * electron.vite.config.ts; docs/decisions/0016-workbench-shell.md.
 */
export function RemoveScroll({ children }: { children?: ReactNode }) {
  return children
}

RemoveScroll.classNames = { fullWidth: 'width-before-scroll-bar', zeroRight: 'right-scroll-bar-position' }
