import type { LexicalEditor } from 'lexical'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'
import type { HighlightQuoteSnapshot } from '../../../shared/notes/nodes/HighlightQuoteNode'
import { useClient } from '../api/client-context'
import { ClaimQuoteContext } from '../claims/claim-quote-context'
import { ClaimQuotePicker } from '../claims/ClaimQuotePicker'
import { requestOpenClaim, useClaimsVersion } from '../claims/claims-store'
import { LoadedEditor } from '../notes/LoadedEditor'
import { citationOf } from '../notes/NotebookSection'
import { ClaimQuotePlugin, INSERT_CLAIM_QUOTE_COMMAND } from '../notes/plugins/ClaimQuotePlugin'
import { HighlightQuotePlugin } from '../notes/plugins/HighlightQuotePlugin'
import { QuoteContext } from '../notes/quote-context'
import { useRouter } from '../shell/router'
import { useWorkbench } from '../shell/workbench-context'

/**
 * The case's notebook: the brief in progress, in the same editor as an article's notebook. A
 * highlight of the open article dragged here becomes a quote that links back to its passage; a
 * claim of the case quoted here shows its status and evidence as they stand, and opens the claim.
 */
export function CaseNotebook({ caseId, caseName }: { caseId: string; caseName: string }) {
  const client = useClient()
  const { navigate } = useRouter()
  const { workspace, labels, libraryVersion, fail } = useWorkbench()
  const { article, highlights, openLink } = workspace
  const editorRef = useRef<LexicalEditor | null>(null)
  const [picking, setPicking] = useState(false)
  const claimsVersion = useClaimsVersion()
  const [claims, setClaims] = useState<{ caseId: string; list: ClaimSummary[] } | null>(null)

  useEffect(() => {
    let live = true
    client.call('claim.list', { caseId, sort: 'created' }).then((list) => live && setClaims({ caseId, list }), fail)
    return () => {
      live = false
    }
  }, [client, caseId, claimsVersion, libraryVersion, fail])
  const caseClaims = claims?.caseId === caseId ? claims.list : null

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
  const claimContext = useMemo(
    () => ({
      claims: caseClaims && new Map(caseClaims.map((c) => [c.id, c])),
      open: (claimId: string) => {
        requestOpenClaim(claimId)
        navigate({ view: 'claims' })
      }
    }),
    [caseClaims, navigate]
  )

  const quoteClaim = (c: ClaimSummary) => {
    const editor = editorRef.current
    if (!editor) return
    editor.focus()
    editor.dispatchCommand(INSERT_CLAIM_QUOTE_COMMAND, { claimId: c.id, text: c.text, status: c.status, supports: c.supports, contradicts: c.contradicts, context: c.context })
  }

  return (
    <section className="case-notebook" aria-label={`Notebook of ${caseName}`}>
      <h3 className="section-title">Notebook</h3>
      <QuoteContext.Provider value={context}>
        <ClaimQuoteContext.Provider value={claimContext}>
          <LoadedEditor
            key={caseId}
            target={{ caseId }}
            label={`Notebook of the case ${caseName}`}
            toolbarName="Case notebook formatting"
            placeholder="The brief in progress… Drag a highlight here to quote it, or quote a claim."
            testId="case-notebook-input"
            statusTestId="case-notebook-save-status"
            editorRef={editorRef}
            toolbarExtras={
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setPicking(true)} title="Quote a claim of this case">
                Quote a claim
              </button>
            }
          >
            <HighlightQuotePlugin snapshotOf={snapshotOf} />
            <ClaimQuotePlugin />
          </LoadedEditor>
        </ClaimQuoteContext.Provider>
      </QuoteContext.Provider>
      {picking && <ClaimQuotePicker claims={caseClaims} onPick={quoteClaim} onClose={() => setPicking(false)} />}
    </section>
  )
}
