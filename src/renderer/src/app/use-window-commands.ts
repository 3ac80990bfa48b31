import { useCallback, useState, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { COMMANDS, type CommandId } from '../../../shared/commands'
import type { SettingsPatch } from '../../../shared/settings'
import type { DossierClient } from '../api/client'
import { runCommand, useCommands, type CommandHandler } from '../commands/command-registry'
import type { ImportPickersHandle } from '../import/ImportPickers'
import { flushAll } from '../notes/autosave'
import type { EditorHandle } from '../notes/LoadedEditor'
import type { SidebarTab } from '../notes/NotesPane'
import type { SearchPanelHandle } from '../search/SearchPanel'
import { toggledWide, type PaneSizes } from '../shell/pane-sizes'
import { useRouter } from '../shell/router'
import { useShortcuts, type ShortcutHandlers } from '../shortcuts/use-shortcuts'
import type { Workspace } from '../workspace/use-workspace'
import type { DialogRequest } from './DialogHost'

interface Options {
  client: DossierClient
  fail(err: unknown): void
  workspace: Workspace
  pickers: RefObject<ImportPickersHandle | null>
  search: RefObject<SearchPanelHandle | null>
  noteEditor: RefObject<EditorHandle | null>
  setTab(tab: SidebarTab): void
  panes: { sizes: PaneSizes; update(patch: Partial<PaneSizes>): void }
  settings: { defaultExportDir: string | null }
  updateSettings(patch: SettingsPatch): Promise<unknown>
}

/**
 * What the window's commands do (the table in src/shared/commands.ts names them): the dialogs,
 * imports, views and themes. Each is registered for the palette, the toolbar and the menu events;
 * those with keys are bound here too, except the highlight keys, which their own hook binds.
 */
export function useWindowCommands(o: Options) {
  const { client, fail, workspace, pickers, search, noteEditor, setTab, panes } = o
  const { route, navigate } = useRouter()
  /** The one open dialog, if any: opening another replaces it. */
  const [dialog, setDialog] = useState<DialogRequest | null>(null)
  const closeDialog = useCallback(() => setDialog(null), [])

  const openExport = useCallback(async () => {
    try {
      await flushAll()
      const info = await client.call('app.info', {})
      setDialog({ kind: 'export', defaultDir: info.defaultExportDir })
    } catch (err) {
      fail(err)
    }
  }, [client, fail])

  const showView = (view: string) => {
    // Committed at once, so the view's panel is there to be focused right after.
    flushSync(() => {
      navigate({ view })
      if (panes.sizes.sideCollapsed) panes.update({ sideCollapsed: false })
    })
  }

  const openNote = (highlightId: string | null) => {
    if (!highlightId) return false
    flushSync(() => {
      workspace.selectHighlight(highlightId)
      setTab('note')
    })
    noteEditor.current?.focus()
  }

  const handlers: Partial<Record<CommandId, CommandHandler>> = {
    'file.import': () => pickers.current?.pickFiles(),
    'file.importFolder': () => pickers.current?.pickFolder(),
    'file.export': () => void openExport(),
    'file.trash': () => setDialog({ kind: 'trash' }),
    'file.restoreBackup': () => setDialog({ kind: 'backups' }),
    'app.settings': () => {
      client.call('app.info', {}).then((info) => {
        // app.info gives the chosen folder when there is one; the placeholder wants the platform's.
        setDialog({ kind: 'settings', platformExportDir: o.settings.defaultExportDir === null ? info.defaultExportDir : null })
      }, fail)
    },
    'help.shortcuts': () => setDialog((open) => (open?.kind === 'shortcuts' ? null : { kind: 'shortcuts' })),
    'app.commandPalette': () => setDialog((open) => (open?.kind === 'palette' ? null : { kind: 'palette' })),
    'labels.edit': () => setDialog({ kind: 'labels' }),
    'app.connectBrowser': () => setDialog({ kind: 'connectBrowser' }),
    'help.verifyLibrary': () => setDialog({ kind: 'verifyLibrary' }),
    'article.trash': () => (workspace.article ? void workspace.trashArticle() : false),
    'highlight.openNote': () => openNote(workspace.selectedHighlightId),
    'highlight.grade': () => {
      const id = workspace.selectedHighlightId
      if (!id) return false
      flushSync(() => setTab('note'))
      document.querySelector<HTMLElement>('[data-testid="credibility-picker"] button[aria-pressed="true"], [data-testid="credibility-picker"] button')?.focus()
    },
    'highlight.addToTimeline': () => {
      if (!workspace.selectedHighlightId) return false
      flushSync(() => setTab('note'))
      document.querySelector<HTMLElement>('[data-testid="add-to-timeline"]')?.click()
    },
    'highlight.ungrade': () => (workspace.selectedHighlightId ? void workspace.gradeHighlight(workspace.selectedHighlightId, null) : false),
    'search.focus': () => {
      showView('search')
      search.current?.focus()
    },
    'view.library': () => showView('library'),
    'view.cases': () => showView('cases'),
    'view.sources': () => showView('sources'),
    'view.claims': () => showView('claims'),
    'view.hypotheses': () => showView('hypotheses'),
    'view.entities': () => showView('entities'),
    'view.timeline': () => showView('timeline'),
    'view.toggleSidePanel': () => panes.update({ sideCollapsed: !panes.sizes.sideCollapsed }),
    'view.widenSidePanel': () => panes.update(toggledWide(panes.sizes)),
    'view.highlights': () => setTab('highlights'),
    'view.note': () => setTab('note'),
    'view.notebook': () => setTab('notebook'),
    'theme.light': () => void o.updateSettings({ theme: 'light' }).catch(fail),
    'theme.dark': () => void o.updateSettings({ theme: 'dark' }).catch(fail),
    'theme.system': () => void o.updateSettings({ theme: 'system' }).catch(fail)
  }
  useCommands(handlers)

  // Keys of the commands above; the highlight keys are bound where the highlights are (use-highlight-shortcuts).
  const keyed: ShortcutHandlers = {}
  for (const spec of COMMANDS) {
    if ('shortcut' in spec && spec.id in handlers && !spec.id.startsWith('highlight.')) keyed[spec.shortcut] = () => runCommand(spec.id)
  }
  useShortcuts(keyed)

  return { dialog, setDialog, closeDialog, openExport, openNote, route }
}
