import type { LexicalEditor } from 'lexical'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import type { HighlightQuoteSnapshot } from '../../../shared/notes/nodes/HighlightQuoteNode'
import { keyHint } from '../../../shared/shortcuts'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { LoadedEditor } from './LoadedEditor'
import { HighlightQuotePlugin, INSERT_HIGHLIGHT_QUOTE_COMMAND } from './plugins/HighlightQuotePlugin'
import { QuoteContext } from './quote-context'
import { QuotePicker } from './QuotePicker'
import { useT } from '../i18n/use-t'

interface Props {
  article: Article
  highlights: readonly Highlight[]
  labels: readonly Label[]
  onJump(highlightId: string): void
}

/** "Harbour Gazette: Ice pact signed, 2026-03-01": what a quote cites, kept with the quote. */
export function citationOf(article: Article): string {
  const source = article.source && article.source !== article.title ? `${article.source}: ${article.title}` : article.title
  return article.publishedAt ? `${source}, ${article.publishedAt.slice(0, 10)}` : source
}

/** The article's notebook: the analyst's draft, with quotes of highlights that link back. */
export function NotebookSection({ article, highlights, labels, onJump }: Props) {
  const t = useT()
  const editorRef = useRef<LexicalEditor | null>(null)
  const [picking, setPicking] = useState(false)

  const snapshotOf = useCallback(
    (highlightId: string): HighlightQuoteSnapshot | null => {
      const h = highlights.find((x) => x.id === highlightId)
      if (!h) return null
      return { highlightId, quote: h.exact, label: labels.find((l) => l.id === h.labelId)?.name ?? '', citation: citationOf(article) }
    },
    [highlights, labels, article]
  )

  const insert = (highlightId: string) => {
    const snapshot = snapshotOf(highlightId)
    const editor = editorRef.current
    if (!snapshot || !editor) return
    editor.focus()
    editor.dispatchCommand(INSERT_HIGHLIGHT_QUOTE_COMMAND, snapshot)
  }

  useShortcuts({ 'notes.insertQuote': () => setPicking(true) })

  const context = useMemo(() => ({ highlights, labels, jump: onJump }), [highlights, labels, onJump])

  return (
    <section className="notebook-section" aria-label={t('notes:notebook.title')}>
      <h2 className="pane-title">{t('notes:notebook.title')}</h2>
      <QuoteContext.Provider value={context}>
        <LoadedEditor
          key={article.id}
          target={{ articleId: article.id }}
          label={t('notes:notebook.editorLabel')}
          toolbarName={t('notes:notebook.toolbar')}
          placeholder={t('notes:notebook.placeholder', { keys: keyHint('notes.insertQuote', t) })}
          testId="notebook-input"
          statusTestId="notebook-save-status"
          historyWhenUnfocused
          editorRef={editorRef}
          toolbarExtras={
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setPicking(true)} title={t('notes:notebook.insertQuoteTitle', { keys: keyHint('notes.insertQuote', t) })}>
              {t('notes:notebook.insertQuote')}
            </button>
          }
        >
          <HighlightQuotePlugin snapshotOf={snapshotOf} />
        </LoadedEditor>
      </QuoteContext.Provider>
      {picking && <QuotePicker highlights={highlights} labels={labels} onPick={insert} onClose={() => setPicking(false)} />}
    </section>
  )
}
