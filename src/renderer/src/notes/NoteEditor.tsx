import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { LexicalEditor } from 'lexical'
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react'
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../../shared/notes/note-nodes'
import { useClient } from '../api/client-context'
import { Autosaver, fitsKeepalive, registerFlusher, type SaveStatus } from './autosave'
import { MAX_NOTE_CHARS } from '../../../shared/notes/note-schemas'
import { withAllowedStyles } from '../../../shared/notes/note-style'
import { NoteToolbar } from './NoteToolbar'
import { AllowedStylesPlugin } from './plugins/AllowedStylesPlugin'
import { noteTheme } from './note-theme'
import { isSafeLink } from './safe-link'
import { useLocale, useT } from '../i18n/use-t'
import { saveStatusText } from './save-status'
import { registerClaimQuoteView } from './nodes/ClaimQuoteView'
import { registerHighlightQuoteView } from './nodes/HighlightQuoteView'
import { registerSnapshotTableView } from './nodes/SnapshotTableView'

// The quote nodes' views join the editor's code, which loads on demand (decision 0030).
registerHighlightQuoteView()
registerClaimQuoteView()
registerSnapshotTableView()

interface Props {
  /** Serialized Lexical state to start from, or null for an empty note. */
  initialContent: string | null
  save(content: string, options: { keepalive: boolean }): Promise<void>
  label: string
  /** The toolbar's accessible name, saying which editor it formats. */
  toolbarName: string
  placeholder: string
  testId: string
  statusTestId: string
  /** Extra toolbar buttons (Insert quote, History). */
  toolbarExtras?: ReactNode
  /** Extra plugins inside the composer. */
  children?: ReactNode
  editorRef?: RefObject<LexicalEditor | null>
  /** Called once the editor exists, with it. */
  onReady?(editor: LexicalEditor): void
}

/**
 * The one rich-text editor of Dossier, used for highlight notes and for notebooks, so both have
 * the same formats. It saves itself: debounced with a maximum wait, flushed on blur, when the
 * page is hidden or unloads, when main asks before closing, and when the editor goes away.
 */
export function NoteEditor({ initialContent, save, label, toolbarName, placeholder, testId, statusTestId, toolbarExtras, children, editorRef, onReady }: Props) {
  const t = useT()
  const { shell } = useClient()
  // The save state lives outside this component: its changes (unsaved at the first key after a
  // save, saving, saved) redraw the status line only, not the editor and its plugins.
  const status = useMemo(() => new StatusStore(), [])
  const saver = useMemo(() => new Autosaver(save, (s, e) => status.set(s, e ?? null)), [save, status])
  // Read once: the composer takes its first state at mount. Cleaning a long notebook's JSON is
  // not work to repeat on every render.
  const [editorState] = useState(() => (initialContent ? withAllowedStyles(initialContent) : undefined))

  useEffect(() => {
    const unregister = registerFlusher((keepalive) => saver.flush(keepalive))
    // A request that may outlive the page, unless the save is too big for one (it would be refused).
    const outliving = () => {
      const unsaved = saver.unsavedContent()
      return unsaved === null || fitsKeepalive(unsaved)
    }
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush(outliving())
    }
    const onPageHide = () => void saver.flush(outliving())
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // In a browser, a save too big for a request that outlives the page would be lost with it:
      // ask the analyst to stay, and save the ordinary way meanwhile. (The desktop app waits for
      // every save before its window closes, so it never asks.)
      if (shell === 'web' && !outliving()) {
        event.preventDefault()
        event.returnValue = ''
        void saver.flush(false)
        return
      }
      void saver.flush(true)
    }
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      unregister()
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
      // Switching to another highlight or article must not lose what was typed here.
      void saver.flush()
      saver.dispose()
    }
  }, [saver, shell])

  const initialConfig = {
    namespace: 'dossier-note',
    nodes: [...NOTE_NODES],
    theme: noteTheme,
    // A note saved before styles were cleaned on save still loads without them (note-style.ts).
    editorState,
    onError(err: Error) {
      console.error(err)
    }
  }

  if (initialContent !== null && initialContent.length > MAX_NOTE_CHARS) {
    // Saved before the limit was lowered: opening it could take the whole page down. It stays in
    // the library, in search and in exports; only the editor declines it.
    return (
      <div className="note-editor" data-testid={`${testId}-editor`}>
        <p className="note-too-large" role="alert" data-testid={`${testId}-too-large`}>
          {t('notes:editor.tooLarge', { size: Math.ceil(initialContent.length / 1024), max: MAX_NOTE_CHARS / 1024 })}
        </p>
      </div>
    )
  }

  return (
    <div className="note-editor" data-testid={`${testId}-editor`}>
      <LexicalComposer initialConfig={initialConfig}>
        <NoteToolbar name={toolbarName}>{toolbarExtras}</NoteToolbar>
        <div className="note-surface" onBlur={() => void saver.flush()}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-input" aria-label={label} data-testid={testId} />}
            placeholder={<div className="note-placeholder">{placeholder}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <AllowedStylesPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <LinkPlugin validateUrl={isSafeLink} />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
        {onReady && <ReadyPlugin onReady={onReady} />}
        {children}
        <OnChangePlugin
          ignoreSelectionChange
          ignoreHistoryMergeTagChange
          // The state is immutable: serialized when it is saved, not at every keystroke.
          onChange={(editorState) => saver.change(() => JSON.stringify(editorState.toJSON()))}
        />
      </LexicalComposer>
      <SaveStatusLine store={status} testId={statusTestId} />
    </div>
  )
}

/** The editor's save state, for the one line that shows it. */
class StatusStore {
  private current: { status: SaveStatus; error: unknown } = { status: 'saved', error: null }
  private readonly listeners = new Set<() => void>()
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
  readonly get = () => this.current
  set(status: SaveStatus, error: unknown): void {
    if (status === this.current.status && error === this.current.error) return
    this.current = { status, error }
    for (const listener of this.listeners) listener()
  }
}

function SaveStatusLine({ store, testId }: { store: StatusStore; testId: string }) {
  const t = useT()
  const { locale } = useLocale()
  const { status, error } = useSyncExternalStore(store.subscribe, store.get)
  const { text, title } = saveStatusText(status, error, t, locale)
  return (
    <p className={`save-status ${status}`} data-testid={testId} role="status" title={title ?? undefined}>
      {text}
    </p>
  )
}

function ReadyPlugin({ onReady }: { onReady(editor: LexicalEditor): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => onReady(editor), [editor, onReady])
  return null
}
