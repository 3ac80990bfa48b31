import type { LexicalEditor } from 'lexical'
import { lazy, Suspense, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref, type RefObject } from 'react'
import type { NoteRevision, NoteTarget } from '../../../shared/notes/note-schemas'
import { useClient } from '../api/client-context'
import { keyHint } from '../../../shared/shortcuts'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { flushAll } from './autosave'
import { loadHistoryDialog, loadNoteEditor } from './editor-chunks'
import { useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

/**
 * Lexical and the editor load with the first note or notebook shown, not with the shell's first
 * paint (decision 0030): this component, which owns the note's loading, saving and focus, stays
 * in the first chunk, so a focus asked for before the editor's code arrives is not lost.
 */
const NoteEditor = lazy(() => loadNoteEditor().then((m) => ({ default: m.NoteEditor })))
const HistoryDialog = lazy(() => loadHistoryDialog().then((m) => ({ default: m.HistoryDialog })))

interface Props {
  /** A highlight's note, an article's notebook, or a case's notebook: each keeps its History. */
  target: NoteTarget
  label: string
  toolbarName: string
  placeholder: string
  testId: string
  statusTestId: string
  onSaved?(): void
  /** Ctrl/Cmd+Shift+H opens this editor's history also when no editor has the focus. */
  historyWhenUnfocused?: boolean
  toolbarExtras?: ReactNode
  children?: ReactNode
  editorRef?: RefObject<LexicalEditor | null>
  /** Lets the owner focus the editor, now or as soon as its note has loaded. */
  handle?: Ref<EditorHandle>
}

export interface EditorHandle {
  focus(): void
}

/** Loads, saves and keeps the history of one note or notebook, in the shared editor. */
export function LoadedEditor({ target, label, toolbarName, placeholder, testId, statusTestId, onSaved, historyWhenUnfocused, toolbarExtras, children, editorRef, handle }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const wrapper = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<{ content: string | null; version: number } | { error: unknown } | null>(null)
  const [historyOpen, setHistoryOpen] = useState(false)
  const ownEditor = useRef<LexicalEditor | null>(null)
  const editor = editorRef ?? ownEditor
  /** A focus asked for before the note had loaded: given once the editor is there. */
  const focusWanted = useRef(false)
  useImperativeHandle(handle, () => ({
    focus() {
      if (editor.current) editor.current.focus()
      else focusWanted.current = true
    }
  }))
  /** The editor exists (its note loaded and its code arrived): a focus asked for earlier is given now. */
  const onReady = useCallback((ready: LexicalEditor) => {
    if (!focusWanted.current) return
    focusWanted.current = false
    ready.focus()
  }, [])
  const highlightId = 'highlightId' in target ? target.highlightId : null
  const articleId = 'articleId' in target ? target.articleId : null
  const caseId = 'caseId' in target ? target.caseId : null

  useEffect(() => {
    let live = true
    const load = highlightId
      ? client.call('note.get', { highlightId }).then((n) => n?.content ?? null)
      : caseId
        ? client.call('case.notebookGet', { caseId }).then((n) => n?.content ?? null)
        : client.call('notebook.get', { articleId: articleId! }).then((n) => n?.content ?? null)
    load.then((content) => live && setState({ content, version: 0 })).catch((err: unknown) => live && setState({ error: err ?? new Error(String(err)) }))
    return () => {
      live = false
    }
  }, [client, highlightId, articleId, caseId])

  const save = useCallback(
    async (content: string, options: { keepalive: boolean }) => {
      if (highlightId) await client.callWith('note.save', { highlightId, content }, options)
      else if (caseId) await client.callWith('case.notebookSave', { caseId, content }, options)
      else await client.callWith('notebook.save', { articleId: articleId!, content }, options)
      if (!options.keepalive) onSaved?.()
    },
    [client, highlightId, articleId, caseId, onSaved]
  )

  const restore = useCallback(
    async (revision: NoteRevision) => {
      setHistoryOpen(false)
      try {
        // What was typed since the last save becomes a revision too, so the restore loses nothing.
        await flushAll()
        const restored = await client.call('note.restoreRevision', { revisionId: revision.id })
        setState((s) => ({ content: restored.content, version: (s && 'version' in s ? s.version : 0) + 1 }))
        onSaved?.()
      } catch (err) {
        setState({ error: err ?? new Error(String(err)) })
      }
    },
    [client, onSaved]
  )

  useShortcuts({
    'notes.history': () => {
      const active = document.activeElement
      const inThis = wrapper.current?.contains(active) ?? false
      const inNone = !active?.closest('.note-editor')
      if (!inThis && !(historyWhenUnfocused && inNone)) return false
      setHistoryOpen(true)
    }
  })

  if (state === null) return <p className="empty-hint">{t('notes:editor.loading')}</p>
  if ('error' in state) return <p className="error">{errorText(state.error)}</p>
  return (
    <div ref={wrapper}>
      <Suspense fallback={<p className="empty-hint">{t('notes:editor.loading')}</p>}>
      <NoteEditor
        key={state.version}
        initialContent={state.content}
        save={save}
        label={label}
        toolbarName={toolbarName}
        placeholder={placeholder}
        testId={testId}
        statusTestId={statusTestId}
        editorRef={editor}
        onReady={onReady}
        toolbarExtras={
          <>
            {toolbarExtras}
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setHistoryOpen(true)} title={t('notes:editor.historyTitle', { keys: keyHint('notes.history', t) })}>
              {t('notes:editor.history')}
            </button>
          </>
        }
      >
        {children}
      </NoteEditor>
      </Suspense>
      {historyOpen && (
        <Suspense fallback={null}>
          <HistoryDialog
            target={target}
            title={highlightId ? t('notes:history.noteTitle') : articleId ? t('notes:history.notebookTitle') : t('notes:history.caseNotebookTitle')}
            onRestore={(r) => void restore(r)}
            onClose={() => setHistoryOpen(false)}
          />
        </Suspense>
      )}
    </div>
  )
}
