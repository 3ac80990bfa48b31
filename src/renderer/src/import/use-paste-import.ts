import { useEffect, useRef } from 'react'
import type { ImportResult } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { ShownError } from '../api/error-message'
import { useT } from '../i18n/use-t'
import { isEditable } from '../app/is-editable'
import { canReadClipboard } from '../shortcuts/available-shortcuts'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { useCommand } from '../commands/command-registry'

/** Reads the clipboard on request: its HTML when it has some (an article copied from a page), else its text. */
async function readClipboard(): Promise<string> {
  if (typeof navigator.clipboard.read === 'function') {
    try {
      for (const item of await navigator.clipboard.read()) {
        if (item.types.includes('text/html')) return await (await item.getType('text/html')).text()
      }
    } catch {
      // Some browsers allow readText but not read: fall through.
    }
  }
  return navigator.clipboard.readText()
}

/**
 * Importing an article from the clipboard: a paste (Ctrl/⌘ V) while no editor has the focus, and
 * File > Import Pasted Text (Ctrl/⌘ Shift O). In the desktop app main reads the clipboard for the
 * menu item; in the browser the page asks the clipboard API, where the browser allows it.
 */
export function usePasteImport(onImported: (result: ImportResult) => void, fail: (err: unknown) => void): void {
  const client = useClient()
  const t = useT()
  const handlers = useRef({ onImported, fail })
  useEffect(() => {
    handlers.current = { onImported, fail }
  })

  const importText = (text: string) => {
    if (!text.trim()) {
      handlers.current.fail(new ShownError(t('library:import.clipboardEmpty')))
      return
    }
    client.call('article.importPaste', { text }).then((r) => handlers.current.onImported(r), handlers.current.fail)
  }

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      if (isEditable(event.target) || isEditable(document.activeElement)) return
      const text = event.clipboardData?.getData('text/html') || event.clipboardData?.getData('text/plain') || ''
      if (!text.trim()) return
      event.preventDefault()
      client.call('article.importPaste', { text }).then((r) => handlers.current.onImported(r), handlers.current.fail)
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [client])

  const pasteImport = () => {
    if (!canReadClipboard()) return false
    readClipboard().then(importText, () =>
      handlers.current.fail(new ShownError(t('library:import.clipboardDenied', { pasteKeys: 'Ctrl/⌘ V' })))
    )
  }
  useShortcuts({ 'file.pasteImport': pasteImport })
  // The command palette and the menu event run the same.
  useCommand('file.pasteImport', pasteImport)
}
