import { useCallback, useMemo } from 'react'
import type { HighlightQuoteSnapshot } from '../../../shared/notes/nodes/HighlightQuoteNode'
import { LoadedEditor } from '../notes/LoadedEditor'
import { citationOf } from '../notes/NotebookSection'
import { HighlightQuotePlugin } from '../notes/plugins/HighlightQuotePlugin'
import { QuoteContext } from '../notes/quote-context'
import { useWorkbench } from '../shell/workbench-context'

/**
 * The case's notebook: the brief in progress, in the same editor as an article's notebook. A
 * highlight of the open article dragged here becomes a quote that links back to its passage.
 */
export function CaseNotebook({ caseId, caseName }: { caseId: string; caseName: string }) {
  const { workspace, labels } = useWorkbench()
  const { article, highlights, openLink } = workspace

  const snapshotOf = useCallback(
    (highlightId: string): HighlightQuoteSnapshot | null => {
      const h = highlights.find((x) => x.id === highlightId)
      if (!h || !article) return null
      return { highlightId, quote: h.exact, label: labels.find((l) => l.id === h.labelId)?.name ?? '', citation: citationOf(article) }
    },
    [highlights, labels, article]
  )
  const context = useMemo(
    () => ({ highlights, labels, partial: true, jump: (id: string) => openLink({ kind: 'highlight', id }) }),
    [highlights, labels, openLink]
  )

  return (
    <section className="case-notebook" aria-label={`Notebook of ${caseName}`}>
      <h3 className="section-title">Notebook</h3>
      <QuoteContext.Provider value={context}>
        <LoadedEditor
          key={caseId}
          target={{ caseId }}
          label={`Notebook of the case ${caseName}`}
          toolbarName="Case notebook formatting"
          placeholder="The brief in progress… Drag a highlight here to quote it."
          testId="case-notebook-input"
          statusTestId="case-notebook-save-status"
        >
          <HighlightQuotePlugin snapshotOf={snapshotOf} />
        </LoadedEditor>
      </QuoteContext.Provider>
    </section>
  )
}
