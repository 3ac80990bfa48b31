import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { useEffect, useMemo, useState } from 'react'
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../../shared/notes/note-nodes'
import { Autosaver, registerFlusher, type SaveStatus } from './autosave'
import { NoteToolbar } from './NoteToolbar'
import { noteTheme } from './note-theme'

interface Props {
  /** Serialized Lexical state to start from, or null for an empty note. */
  initialContent: string | null
  save(content: string, options: { keepalive: boolean }): Promise<void>
  label: string
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Save failed, retrying'
}

/** A rich-text note that saves itself: debounced, flushed on blur and when the page goes away. */
export function NoteEditor({ initialContent, save, label }: Props) {
  const [status, setStatus] = useState<SaveStatus>('saved')
  const [error, setError] = useState<string | null>(null)
  const saver = useMemo(
    () =>
      new Autosaver(save, (s, e) => {
        setStatus(s)
        setError(e ?? null)
      }),
    [save]
  )

  useEffect(() => {
    const unregister = registerFlusher((keepalive) => saver.flush(keepalive))
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush(true)
    }
    const onPageHide = () => void saver.flush(true)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('beforeunload', onPageHide)
    return () => {
      unregister()
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('beforeunload', onPageHide)
      // Switching to another highlight must not lose what was typed here.
      void saver.flush()
      saver.dispose()
    }
  }, [saver])

  const initialConfig = {
    namespace: 'dossier-note',
    nodes: [...NOTE_NODES],
    theme: noteTheme,
    editorState: initialContent ?? undefined,
    onError(err: Error) {
      console.error(err)
    }
  }

  return (
    <div className="note-editor">
      <LexicalComposer initialConfig={initialConfig}>
        <NoteToolbar />
        <div className="note-surface" onBlur={() => void saver.flush()}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-input" aria-label={label} data-testid="note-input" />}
            placeholder={<div className="note-placeholder">Write a note… (Markdown shortcuts work: **bold**, - list, &gt; quote)</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLink} />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <OnChangePlugin
          ignoreSelectionChange
          ignoreHistoryMergeTagChange
          onChange={(editorState) => saver.change(JSON.stringify(editorState.toJSON()))}
        />
      </LexicalComposer>
      <p className={`save-status ${status}`} data-testid="save-status" role="status" title={error ?? undefined}>
        {STATUS_TEXT[status]}
      </p>
    </div>
  )
}

export function isSafeLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
