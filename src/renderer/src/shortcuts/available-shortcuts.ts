import type { ShortcutSpec } from '../../../shared/shortcuts'

/** Whether this browser lets the page read the clipboard when asked (not only on a paste event). */
export function canReadClipboard(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.clipboard?.readText === 'function' && window.isSecureContext
}

/**
 * Whether a shortcut works in this shell, so the sheet lists only keys that do something.
 * Importing the clipboard needs the async clipboard API in the browser; the desktop app reads
 * the clipboard in main.
 */
export function availableShortcut(spec: ShortcutSpec, shell: 'electron' | 'web'): boolean {
  if (spec.id === 'file.pasteImport') return shell === 'electron' || canReadClipboard()
  return true
}
