import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import { AppEvent } from '../../../shared/contract'
import type { Article, Highlight, ImportResult, Label } from '../../../shared/domain-types'
import type { SearchGroup, SearchHit } from '../../../shared/search/search-types'
import { useClient } from '../api/client-context'
import { droppedFiles, filesInFolder } from '../import/dropped-files'
import { ImportProgressBar } from '../import/ImportProgressBar'
import { useImport } from '../import/use-import'
import { usePasteImport } from '../import/use-paste-import'
import { LibraryPane } from '../library/LibraryPane'
import { flushAll } from '../notes/autosave'
import { isHighlightDrag } from '../notes/highlight-drag'
import { NotesPane } from '../notes/NotesPane'
import { ReaderPane } from '../reader/ReaderPane'
import { DialogHost, type DialogRequest } from './DialogHost'
import { ImportReport } from './ImportReport'
import { revealHighlight, revealWhenDrawn, useHighlightShortcuts } from './use-highlight-shortcuts'
import { parseAppRoute, type DossierLink } from '../../../shared/links/dossier-link'
import { useAppSettings } from '../settings/use-app-settings'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { revealPassage, revealWhenShown } from '../search/reveal-passage'
import { SearchPanel, type SearchPanelHandle } from '../search/SearchPanel'

// .json: W3C annotations (a Hypothesis or Dossier export), placed on the articles they belong to.
const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,.epub,.json'

export function App() {
  const client = useClient()
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  /** Bumped on every change to the library: the list and open search results ask again. */
  const [libraryVersion, setLibraryVersion] = useState(0)
  const [libraryTotal, setLibraryTotal] = useState<number | null>(null)
  const search = useRef<SearchPanelHandle>(null)
  const [article, setArticle] = useState<Article | null>(null)
  const [highlights, setHighlights] = useState<Highlight[]>([])
  const [selectedHighlightId, setSelectedHighlightId] = useState<string | null>(null)
  const [report, setReport] = useState<ImportResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [labels, setLabels] = useState<Label[]>([])
  /** The one open dialog, if any: opening another replaces it. */
  const [dialog, setDialog] = useState<DialogRequest | null>(null)
  const closeDialog = useCallback(() => setDialog(null), [])
  /** A passing message, with Undo where the action can be undone (moving an article to the Trash). */
  const [notice, setNotice] = useState<{ text: string; undo?: () => void } | null>(null)
  /** Where the library lives may put it at risk (a network share, a synced folder): say so once per start. */
  const [locationWarnings, setLocationWarnings] = useState<string[]>([])
  const readerSelection = useRef<(() => { start: number; end: number } | null) | null>(null)
  /** Deleted highlights, newest last, for Undo. */
  const undoStack = useRef<{ id: string; articleId: string }[]>([])

  const fail = useCallback((err: unknown) => setError(err instanceof Error ? err.message : String(err)), [])
  const appSettings = useAppSettings(client, fail)

  const refreshLibrary = useCallback(async () => setLibraryVersion((v) => v + 1), [])

  const openArticle = useCallback(
    async (id: string) => {
      try {
        await flushAll()
        const [a, hs] = await Promise.all([client.call('article.get', { id }), client.call('highlight.list', { articleId: id })])
        setArticle(a)
        setHighlights(hs)
        setSelectedHighlightId(null)
      } catch (err) {
        fail(err)
      }
    },
    [client, fail]
  )

  const afterImport = useCallback(
    async (results: ImportResult[]) => {
      setReport(results)
      await refreshLibrary()
      const first = results.find((r) => r.articleId)
      if (first?.articleId) await openArticle(first.articleId)
      // Annotations placed highlights on existing articles, perhaps the one on screen: show them.
      else if (article && results.some((r) => r.articleId === null && r.status === 'imported')) await openArticle(article.id)
    },
    [refreshLibrary, openArticle, article]
  )

  const onImportFinished = useCallback((results: ImportResult[]) => void afterImport(results), [afterImport])
  const importer = useImport(client, onImportFinished)
  const { importFiles, followJob } = importer

  const setBlockRemoved = useCallback(
    async (blockIndex: number, removed: boolean) => {
      if (!article) return
      try {
        const changed = await client.call('article.setBlockRemoved', { articleId: article.id, blockIndex, removed })
        setArticle(changed.article)
        setHighlights(changed.highlights)
      } catch (err) {
        fail(err)
      }
    },
    [client, article, fail]
  )

  const importSample = useCallback(async () => {
    try {
      await afterImport([await client.call('article.importSample', {})])
    } catch (err) {
      fail(err)
    }
  }, [client, afterImport, fail])

  const refreshHighlights = useCallback(
    async (articleId: string) => {
      setHighlights(await client.call('highlight.list', { articleId }))
      void refreshLibrary()
    },
    [client, refreshLibrary]
  )

  const createHighlight = useCallback(
    async (start: number, end: number, labelId: string | null) => {
      if (!article) return
      try {
        const created = await client.call('highlight.create', { articleId: article.id, start, end, labelId })
        await refreshHighlights(article.id)
        setSelectedHighlightId(created.id)
      } catch (err) {
        fail(err)
      }
    },
    [client, article, refreshHighlights, fail]
  )

  // Stable, so the note editor's saver is not rebuilt on every render.
  const articleIdRef = useRef<string | null>(null)
  useEffect(() => {
    articleIdRef.current = article?.id ?? null
  })

  const deleteHighlight = useCallback(
    async (id: string) => {
      if (!article) return
      const articleId = article.id
      try {
        await client.call('highlight.delete', { id })
        undoStack.current.push({ id, articleId })
        setSelectedHighlightId(null)
        await refreshHighlights(articleId)
        // As moving an article to the Trash does: say so, with Undo (issue 15, item 17).
        setNotice({
          text: 'Highlight deleted, with its note. It is in the Trash.',
          undo: () => {
            setNotice(null)
            undoStack.current = undoStack.current.filter((entry) => entry.id !== id)
            client
              .call('highlight.restore', { id })
              .then(async () => {
                if (articleIdRef.current !== articleId) return
                await refreshHighlights(articleId)
                setSelectedHighlightId(id)
              })
              .catch(fail)
          }
        })
      } catch (err) {
        fail(err)
      }
    },
    [client, article, refreshHighlights, fail]
  )

  const undoDelete = useCallback(async () => {
    const last = undoStack.current.pop()
    if (!last) return
    try {
      const restored = await client.call('highlight.restore', { id: last.id })
      if (article?.id === last.articleId) {
        await refreshHighlights(last.articleId)
        setSelectedHighlightId(restored.id)
      }
    } catch (err) {
      fail(err)
    }
  }, [client, article, refreshHighlights, fail])

  const onNoteSaved = useCallback(() => {
    const articleId = articleIdRef.current
    if (!articleId) return
    client.call('highlight.list', { articleId }).then((list) => {
      // The analyst may have opened another article meanwhile.
      if (articleIdRef.current === articleId) setHighlights(list)
    }, fail)
  }, [client, fail])

  const selectHighlight = useCallback((id: string) => {
    setSelectedHighlightId(id)
    requestAnimationFrame(() => revealHighlight(id))
  }, [])

  useHighlightShortcuts({
    highlights,
    selectedId: selectedHighlightId,
    select: selectHighlight,
    openNote: (id) => {
      setSelectedHighlightId(id)
      focusNoteEditor()
    },
    remove: (id) => void deleteHighlight(id),
    undo: () => void undoDelete()
  })

  const openExport = useCallback(async () => {
    try {
      await flushAll()
      const info = await client.call('app.info', {})
      setDialog({ kind: 'export', defaultDir: info.defaultExportDir })
    } catch (err) {
      fail(err)
    }
  }, [client, fail])

  const openSettings = useCallback(() => {
    client.call('app.info', {}).then((info) => {
      // app.info gives the chosen folder when there is one; the placeholder wants the platform's.
      setDialog({ kind: 'settings', platformExportDir: appSettings.settings.defaultExportDir === null ? info.defaultExportDir : null })
    }, fail)
  }, [client, fail, appSettings.settings.defaultExportDir])

  /** A dossier:// link (or its web route): the article, or the article at the passage, flashed. */
  const openLink = useCallback(
    async (link: DossierLink) => {
      if (link.kind === 'article') return openArticle(link.id)
      try {
        const highlight = await client.call('highlight.get', { id: link.id })
        await openArticle(highlight.articleId)
        setSelectedHighlightId(highlight.id)
        if (highlight.orphaned) fail(new Error('The passage of this highlight is no longer in the article; it is listed under “Needs attention”.'))
        else revealWhenDrawn(highlight.id)
      } catch (err) {
        fail(err)
      }
    },
    [client, openArticle, fail]
  )

  // The web mode's routes /article/<id> and /highlight/<id> are the dossier:// link forms; the
  // desktop app opens a window on a link with the route in the hash.
  const routeOpened = useRef(false)
  useEffect(() => {
    const link = parseAppRoute(window.location.pathname) ?? parseAppRoute(window.location.hash.slice(1))
    if (!link || routeOpened.current) return
    routeOpened.current = true
    void openLink(link)
  }, [openLink])

  const refreshLabels = useCallback(() => client.call('label.list', {}).then(setLabels, fail), [client, fail])

  useEffect(() => {
    void refreshLabels()
  }, [refreshLabels])

  useEffect(() => {
    client.call('library.warnings', {}).then((r) => setLocationWarnings(r.warnings), fail)
  }, [client, fail])

  // Menu commands and shutdown requests from the Electron shell.
  useEffect(
    () =>
      client.onEvent((payload) => {
        const event = AppEvent.safeParse(payload)
        if (!event.success) return
        if (event.data.type === 'flush-request') void flushAll().finally(() => client.flushed())
        else if (event.data.type === 'library-changed') void refreshLibrary()
        else if (event.data.type === 'import-results') void afterImport(event.data.results)
        else if (event.data.type === 'import-started') void followJob(event.data.jobId)
        else if (event.data.type === 'open-link') void openLink(event.data.link)
        else if (event.data.command === 'import') fileInput.current?.click()
        else if (event.data.command === 'import-folder') folderInput.current?.click()
        else if (event.data.command === 'export') void openExport()
        else if (event.data.command === 'shortcuts') setDialog({ kind: 'shortcuts' })
        else if (event.data.command === 'settings') openSettings()
        else if (event.data.command === 'trash') setDialog({ kind: 'trash' })
        else if (event.data.command === 'restore-backup') setDialog({ kind: 'backups' })
      }),
    [client, refreshLibrary, afterImport, followJob, openExport, openSettings, openLink]
  )

  usePasteImport((r) => void afterImport([r]), fail)

  // The menu's commands in the browser shell (the desktop menu owns their accelerators there).
  useShortcuts({
    'file.import': () => fileInput.current?.click(),
    'file.importFolder': () => folderInput.current?.click(),
    'file.export': () => void openExport(),
    'app.settings': () => openSettings(),
    'help.shortcuts': () => setDialog((open) => (open?.kind === 'shortcuts' ? null : { kind: 'shortcuts' })),
    'file.trash': () => setDialog({ kind: 'trash' }),
    'file.restoreBackup': () => setDialog({ kind: 'backups' }),
    'search.focus': () => search.current?.focus()
  })

  /** Moves the open article to the Trash, with Undo: nothing is one click from gone. */
  async function trashArticle(target: Article) {
    try {
      await client.call('article.delete', { id: target.id })
      setArticle(null)
      setHighlights([])
      setSelectedHighlightId(null)
      await refreshLibrary()
      setNotice({
        text: `“${target.title}” is in the Trash.`,
        undo: () => {
          setNotice(null)
          void client
            .call('trash.restore', { kind: 'article', id: target.id })
            .then(() => refreshLibrary())
            .then(() => openArticle(target.id))
            .catch(fail)
        }
      })
    } catch (err) {
      fail(err)
    }
  }

  /** A search result: its article, scrolled to the passage (a highlight, or words of the text) and flashed. */
  const openSearchResult = useCallback(
    async (group: SearchGroup, hit: SearchHit | null) => {
      await openArticle(group.articleId)
      if (hit?.highlightId && hit.start !== null) {
        const id = hit.highlightId
        setSelectedHighlightId(id)
        revealWhenShown(() => {
          if (!document.querySelector(`mark[data-highlight-ids~="${CSS.escape(id)}"]`)) return false
          revealHighlight(id)
          return true
        })
      } else if (hit && hit.start !== null && hit.end !== null) {
        const { start, end } = hit
        revealWhenShown(() => revealPassage(start, end))
      }
    },
    [openArticle]
  )

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    // A highlight dragged toward the notebook but dropped elsewhere is not a file to import.
    if (isHighlightDrag(event.dataTransfer)) return
    droppedFiles(event.dataTransfer).then((files) => importFiles(files), fail)
  }

  const selected = highlights.find((h) => h.id === selectedHighlightId) ?? null

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (isHighlightDrag(e.dataTransfer)) return
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <header className="toolbar">
        <span className="brand">Dossier</span>
        <button type="button" onClick={() => fileInput.current?.click()} title="Import files (Ctrl/⌘ O)">
          Import…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} title="Import every article in a folder and its subfolders">
          Import Folder…
        </button>
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="import-folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            void importFiles(filesInFolder([...(e.target.files ?? [])]))
            e.target.value = ''
          }}
        />
        {article && (
          <button type="button" onClick={() => void trashArticle(article)} title="Move this article to the Trash (it can be restored)" data-testid="trash-article">
            Move to Trash
          </button>
        )}
        <button type="button" onClick={() => setDialog({ kind: 'trash' })} title="Deleted articles and highlights (Ctrl/⌘ Shift L)">
          Trash
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'labels' })} title="Name and colour the labels">
          Labels…
        </button>
        <button type="button" onClick={() => void openExport()} title="Export Markdown (Ctrl/⌘ Shift E)">
          Export Markdown…
        </button>
        <button type="button" onClick={openSettings} title="Theme, reader font size, export folder (Ctrl/⌘ ,)">
          Settings
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'shortcuts' })} title="Keyboard shortcuts (? or Ctrl/⌘ /)" aria-label="Keyboard shortcuts">
          ?
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          hidden
          data-testid="import-input"
          onChange={(e) => {
            void importFiles([...(e.target.files ?? [])])
            e.target.value = ''
          }}
        />
        <SearchPanel ref={search} refresh={libraryVersion} onOpen={(group, hit) => void openSearchResult(group, hit)} />
      </header>
      {error && (
        <div className="banner error" role="alert">
          {error}
          <button type="button" className="link" onClick={() => setError(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {locationWarnings.map((warning) => (
        <div key={warning} className="banner warning" role="alert" data-testid="location-warning">
          {warning}
          <button type="button" className="link" onClick={() => setLocationWarnings((ws) => ws.filter((w) => w !== warning))} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
      {notice && (
        <div className="banner" role="status" data-testid="notice">
          {notice.text}
          {notice.undo && (
            <button type="button" className="link" onClick={notice.undo}>
              Undo
            </button>
          )}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {importer.progress && <ImportProgressBar progress={importer.progress} onCancel={importer.cancel} />}
      {report && (
        <ImportReport
          results={report}
          onOpen={(id) => void openArticle(id)}
          onImportWholeText={importer.importWholeText}
          onImportWithPassword={importer.importWithPassword}
          canRetry={importer.canRetry}
          onDismiss={() => setReport(null)}
        />
      )}
      <main className="panes">
        <LibraryPane
          version={libraryVersion}
          onTotal={setLibraryTotal}
          onError={fail}
          selectedId={article?.id ?? null}
          onSelect={(id) => void openArticle(id)}
          onImport={() => fileInput.current?.click()}
          onImportSample={() => void importSample()}
        />
        {article ? (
          <ReaderPane
            article={article}
            highlights={highlights}
            labels={labels}
            selectedHighlightId={selectedHighlightId}
            onSelectHighlight={setSelectedHighlightId}
            onCreateHighlight={(s, e, labelId) => void createHighlight(s, e, labelId)}
            onSetBlockRemoved={(i, removed) => void setBlockRemoved(i, removed)}
            onArticleChanged={(a) => {
              setArticle(a)
              void refreshLibrary()
            }}
            onSetTags={(tags) => void client.call('article.setTags', { id: article.id, tags }).then(setArticle, fail)}
            selectionRef={readerSelection}
          />
        ) : (
          <section className="reader reader-empty">
            <p>{libraryTotal ? 'Choose an article from the library.' : 'Import an article to start reading.'}</p>
          </section>
        )}
        {article && (
          <NotesPane
            article={article}
            highlights={highlights}
            labels={labels}
            selected={selected}
            onSelect={selectHighlight}
            onSetLabel={(id, labelId) =>
              void client.call('highlight.setLabel', { id, labelId }).then(() => article && refreshHighlights(article.id), fail)
            }
            onSetTags={(id, tags) => void client.call('highlight.setTags', { id, tags }).then(() => article && refreshHighlights(article.id), fail)}
            onNoteSaved={onNoteSaved}
            onJump={selectHighlight}
            onConfirmPlacement={(h) =>
              void client
                .call('highlight.reattach', { id: h.id, start: h.start, end: h.end })
                .then(() => article && refreshHighlights(article.id))
                .catch(fail)
            }
            onReattach={(id) => {
              const offsets = readerSelection.current?.()
              if (!offsets) return fail(new Error('Select the passage in the article first, then choose Re-attach.'))
              void client
                .call('highlight.reattach', { id, ...offsets })
                .then(() => {
                  window.getSelection()?.removeAllRanges()
                  return article && refreshHighlights(article.id)
                })
                .catch(fail)
            }}
            onDelete={(id) => void deleteHighlight(id)}
          />
        )}
      </main>
      <DialogHost
        dialog={dialog}
        onClose={closeDialog}
        labels={labels}
        articleId={article?.id ?? null}
        settings={appSettings}
        onLabelsChanged={() => {
          void refreshLabels()
          if (article) void refreshHighlights(article.id)
        }}
        onOpenExport={() => void openExport()}
        onTrashChanged={(restoredArticleId) => {
          void refreshLibrary()
          if (article && (restoredArticleId === null || restoredArticleId === article.id)) void refreshHighlights(article.id)
        }}
        onRestored={(message) => {
          setArticle(null)
          setHighlights([])
          setSelectedHighlightId(null)
          void refreshLibrary()
          void refreshLabels()
          setNotice({ text: message })
        }}
      />
    </div>
  )
}

/** Focuses the note editor once it is there: a note is loaded before its editor mounts. */
function focusNoteEditor(framesLeft = 60): void {
  requestAnimationFrame(() => {
    const editor = document.querySelector<HTMLElement>('[data-testid="note-input"]')
    if (editor) editor.focus()
    else if (framesLeft > 0) focusNoteEditor(framesLeft - 1)
  })
}
