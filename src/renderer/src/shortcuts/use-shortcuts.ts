import { useEffect, useLayoutEffect, useRef } from 'react'
import { SHORTCUTS, findShortcut, isSingleKey, menuAccelerator, type ShortcutId, type ShortcutSpec } from '../../../shared/shortcuts'
import { useClient } from '../api/client-context'
import { isEditable } from '../app/is-editable'

/** A handler returns false when the shortcut does not apply now, so the key keeps its default. */
export type ShortcutHandlers = Partial<Record<ShortcutId, (key: string) => boolean | void>>

/**
 * Binds the handlers to their keys in the shortcut table. Single keys never fire while typing in
 * a field or editor, and neither does the page's Undo (the editor's own Undo wins there). In the
 * desktop app, a menu command's accelerator belongs to the menu, so the page leaves it alone.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const { shell } = useClient()
  const ref = useRef(handlers)
  // Current from the commit on, not from the passive effects after it: a key pressed in between
  // would run the previous render's handler (its selected highlight).
  useLayoutEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const rows = (SHORTCUTS as readonly ShortcutSpec[]).filter((s) => ref.current[s.id as ShortcutId])
      const found = findShortcut(event, rows)
      if (!found) return
      const { spec, key } = found
      const typing = isEditable(event.target) || isEditable(document.activeElement)
      if (typing && (isSingleKey(key) || spec.sharesRole || spec.outsideEditors)) return
      if (shell === 'electron' && spec.menu && menuAccelerator(spec.menu) === key) return
      if (ref.current[spec.id as ShortcutId]!(key) !== false) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [shell])
}
