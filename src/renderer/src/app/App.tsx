import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Label } from '../../../shared/domain-types'
import { withShownLabelNames } from '../../../shared/i18n/default-labels'
import type { SearchGroup, SearchHit } from '../../../shared/search/search-types'
import { useClient } from '../api/client-context'
import { ImportPickers, type ImportPickersHandle } from '../import/ImportPickers'
import { PdfPasswordDialog } from '../import/PdfPasswordDialog'
import { useImportFlow } from '../import/use-import-flow'
import type { EditorHandle } from '../notes/LoadedEditor'
import type { SidebarTab } from '../notes/NotesPane'
import { revealPassage, revealWhenShown } from '../search/reveal-passage'
import type { SearchPanelHandle } from '../search/SearchPanel'
import { useAppSettings } from '../settings/use-app-settings'
import { usePaneSizes } from '../shell/pane-sizes'
import { RouterProvider } from '../shell/router'
import { StatusBar } from '../shell/StatusBar'
import { Toolbar } from '../shell/Toolbar'
import { Workbench } from '../shell/Workbench'
import { WorkbenchContext } from '../shell/workbench-context'
import { ToastProvider, useToast } from '../ui/Toast'
import { TooltipProvider } from '../ui/Tooltip'
import { ReaderArea, Sidebar } from '../workspace/WorkspacePanes'
import { useWorkspace } from '../workspace/use-workspace'
import { Banners } from './Banners'
import { DialogHost } from './DialogHost'
import { ImportReport } from './ImportReport'
import { useAppEvents } from './use-app-events'
import { useHighlightShortcuts } from './use-highlight-shortcuts'
import { useWindowCommands } from './use-window-commands'
import { useT } from '../i18n/use-t'
import type { AppSettings } from '../../../shared/settings'

/**
 * The window: providers for routes, tooltips and toasts around the workbench. `initialSettings`
 * are the settings read before the first render (null if that read failed: asked again).
 */
export function App({ initialSettings }: { initialSettings: AppSettings | null }) {
  const { shell } = useClient()
  return (
    <RouterProvider useHash={shell === 'electron'}>
      <TooltipProvider>
        <ToastProvider>
          <AppWindow initialSettings={initialSettings} />
        </ToastProvider>
      </TooltipProvider>
    </RouterProvider>
  )
}

/**
 * Wires the features together; each keeps its own state (docs/decisions/0016-workbench-shell.md):
 * the open article in useWorkspace, imports in useImportFlow, commands and dialogs in
 * useWindowCommands, pane sizes in usePaneSizes, the route in the router.
 */
function AppWindow({ initialSettings }: { initialSettings: AppSettings | null }) {
  const client = useClient()
  const t = useT()
  const toast = useToast()
  // Kept whole, not as its message: the banner translates it by its code.
  const [error, setError] = useState<unknown>(null)
  const fail = useCallback((err: unknown) => setError(err ?? new Error(String(err))), [])
  const appSettings = useAppSettings(client, fail, initialSettings)
  /** Bumped on every change to the library: the list and open search results ask again. */
  const [libraryVersion, setLibraryVersion] = useState(0)
  const [libraryTotal, setLibraryTotal] = useState<number | null>(null)
  const libraryChanged = useCallback(() => setLibraryVersion((v) => v + 1), [])
  const workspace = useWorkspace({ client, fail, toast, libraryChanged })
  const imports = useImportFlow(client, workspace, libraryChanged, fail)
  const [storedLabels, setLabels] = useState<Label[]>([])
  // The seeded default labels read in the interface language until the analyst renames them.
  const labels = useMemo(() => withShownLabelNames(storedLabels, t), [storedLabels, t])
  const refreshLabels = useCallback(() => client.call('label.list', {}).then(setLabels, fail), [client, fail])
  const [tab, setTab] = useState<SidebarTab>('highlights')
  const pickers = useRef<ImportPickersHandle>(null)
  const search = useRef<SearchPanelHandle>(null)
  const noteEditor = useRef<EditorHandle>(null)
  const readerSelection = useRef<(() => { start: number; end: number } | null) | null>(null)
  const panes = usePaneSizes()

  useEffect(() => {
    void refreshLabels()
  }, [refreshLabels])

  const commands = useWindowCommands({
    client,
    fail,
    workspace,
    pickers,
    search,
    noteEditor,
    setTab,
    panes,
    settings: appSettings.settings,
    updateSettings: appSettings.update
  })

  useHighlightShortcuts({
    highlights: workspace.highlights,
    selectedId: workspace.selectedHighlightId,
    select: (id) => workspace.selectHighlight(id, { reveal: true }),
    openNote: commands.openNote,
    remove: (id) => void workspace.deleteHighlight(id),
    grade: (id, credibility) => void workspace.gradeHighlight(id, credibility),
    undo: () => void workspace.undoDelete()
  })

  useAppEvents(client, {
    libraryChanged,
    importResults: (results) => void imports.afterImport(results),
    followImport: (jobId) => void imports.importer.followJob(jobId),
    openLink: workspace.openLink
  })

  /** A search result: its article, scrolled to the passage (a highlight, or words of the text) and flashed. */
  const openSearchResult = useCallback(
    async (group: SearchGroup, hit: SearchHit | null) => {
      if (hit?.highlightId && hit.start !== null) return workspace.openLink({ kind: 'highlight', id: hit.highlightId })
      if (!(await workspace.openArticle(group.articleId))) return
      if (hit && hit.start !== null && hit.end !== null) {
        const { start, end } = hit
        revealWhenShown(() => revealPassage(start, end))
      }
    },
    [workspace]
  )

  const openPassage = useCallback(
    async (articleId: string, start: number, end: number) => {
      if (await workspace.openArticle(articleId)) revealWhenShown(() => revealPassage(start, end))
    },
    [workspace]
  )

  const report = imports.report
  return (
    <WorkbenchContext.Provider
      value={{
        workspace,
        libraryVersion,
        libraryChanged,
        labels,
        setLibraryTotal,
        fail,
        importSample: imports.importSample,
        openSearchResult: (group, hit) => void openSearchResult(group, hit),
        openPassage: (articleId, start, end) => void openPassage(articleId, start, end),
        search
      }}
    >
      <div className={`app${imports.dragging ? ' dragging' : ''}`} data-drop-hint={t('shell:dropHint')} {...imports.dropTarget}>
        <Toolbar articleOpen={workspace.article !== null} />
        <Banners error={error} onDismissError={() => setError(null)} client={client} fail={fail} />
        <Workbench
          panes={panes}
          sideTop={
            report && (
              <ImportReport
                results={report}
                onOpen={(id) => void workspace.openArticle(id)}
                onImportWholeText={imports.importer.importWholeText}
                onDismiss={imports.dismissReport}
              />
            )
          }
          reader={
            <ReaderArea
              workspace={workspace}
              labels={labels}
              fail={fail}
              libraryChanged={libraryChanged}
              libraryTotal={libraryTotal}
              selection={readerSelection}
              // A new highlight is there to be written about: its note comes forward.
              onHighlightCreated={() => setTab('note')}
              onSelectMark={(id) => {
                workspace.selectHighlight(id)
                if (tab === 'highlights') setTab('note')
              }}
            />
          }
          sidebar={
            workspace.article && (
              <Sidebar workspace={workspace} labels={labels} fail={fail} selection={readerSelection} tab={tab} onTabChange={setTab} noteEditor={noteEditor} />
            )
          }
        />
        <StatusBar libraryTotal={libraryTotal} />
        {imports.passwordAsk && (
          <PdfPasswordDialog
            // A new dialog for each ask: a wrong password clears the field.
            key={`${imports.passwordAsk.name}:${imports.passwordAsk.message}`}
            result={imports.passwordAsk}
            onSubmit={(password) => imports.answerPassword(imports.passwordAsk!, password)}
            onSkip={() => imports.skipPassword(imports.passwordAsk!)}
          />
        )}
        <ImportPickers ref={pickers} onFiles={(files) => void imports.importer.importFiles(files)} />
        <DialogHost
          dialog={commands.dialog}
          onClose={commands.closeDialog}
          labels={labels}
          articleId={workspace.article?.id ?? null}
          settings={appSettings}
          onLabelsChanged={() => {
            void refreshLabels()
            if (workspace.article) void workspace.refreshHighlights(workspace.article.id)
          }}
          onOpenExport={() => void commands.openExport()}
          onConnectBrowser={() => commands.setDialog({ kind: 'connectBrowser' })}
          onTrashChanged={(restoredArticleId) => {
            libraryChanged()
            const open = workspace.article
            if (open && (restoredArticleId === null || restoredArticleId === open.id)) void workspace.refreshHighlights(open.id)
          }}
          onRestored={(message) => {
            workspace.reset()
            libraryChanged()
            void refreshLabels()
            toast({ text: message })
          }}
        />
      </div>
    </WorkbenchContext.Provider>
  )
}
