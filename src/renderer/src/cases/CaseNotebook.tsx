import { $setBlocksType } from '@lexical/selection'
import { $createParagraphNode, $getSelection, $insertNodes, $isRangeSelection, type LexicalEditor } from 'lexical'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'
import type { HighlightQuoteSnapshot } from '../../../shared/notes/nodes/HighlightQuoteNode'
import { $createKeyJudgementNode, $isKeyJudgementNode } from '../../../shared/notes/nodes/KeyJudgementNode'
import { $createSnapshotTableNode, type SnapshotTable } from '../../../shared/notes/nodes/SnapshotTableNode'
import { achSummaryTable, entityTable, timelineTable } from '../../../shared/brief/snapshot-tables'
import { useClient } from '../api/client-context'
import { useT } from '../i18n/use-t'
import { ClaimQuoteContext } from '../claims/claim-quote-context'
import { ClaimQuotePicker } from '../claims/ClaimQuotePicker'
import { requestOpenClaim, useClaimsVersion } from '../claims/claims-store'
import { LoadedEditor } from '../notes/LoadedEditor'
import { citationOf } from '../notes/NotebookSection'
import { ClaimQuotePlugin, INSERT_CLAIM_QUOTE_COMMAND } from '../notes/plugins/ClaimQuotePlugin'
import { HighlightQuotePlugin, INSERT_HIGHLIGHT_QUOTE_COMMAND } from '../notes/plugins/HighlightQuotePlugin'
import { QuoteContext } from '../notes/quote-context'
import { QuotePicker } from '../notes/QuotePicker'
import { useRouter } from '../shell/router'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'
import { cssLabels } from '../i18n/css-labels'

/**
 * The case's notebook, which is its brief (decision 0024), in the same editor as an article's
 * notebook, with key judgements. A highlight of the open article dragged here, or picked with
 * Insert quote, becomes a quote that links back to its passage and is cited when exported; a
 * claim of the case quoted here shows its status and evidence as they stand, and opens the claim.
 */
export function CaseNotebook({ caseId, caseName, onBrief }: { caseId: string; caseName: string; onBrief(): void }) {
  const t = useT()
  const client = useClient()
  const { navigate } = useRouter()
  const { workspace, labels, libraryVersion, fail } = useWorkbench()
  const toast = useToast()
  const { article, highlights, openLink } = workspace
  const editorRef = useRef<LexicalEditor | null>(null)
  const [picking, setPicking] = useState(false)
  const [pickingHighlight, setPickingHighlight] = useState(false)
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

  const insert = (highlightId: string) => {
    const snapshot = snapshotOf(highlightId)
    const editor = editorRef.current
    if (!snapshot || !editor) return
    editor.focus()
    editor.dispatchCommand(INSERT_HIGHLIGHT_QUOTE_COMMAND, snapshot)
  }

  /** Turns the blocks at the cursor into key judgements, or back into paragraphs. */
  const toggleKeyJudgement = () => {
    const editor = editorRef.current
    if (!editor) return
    editor.update(() => {
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return
      const already = $isKeyJudgementNode(selection.anchor.getNode().getTopLevelElement())
      $setBlocksType(selection, () => (already ? $createParagraphNode() : $createKeyJudgementNode()))
    })
    editor.focus()
  }

  const keep = (e: { preventDefault(): void }) => e.preventDefault()

  const insertTable = (table: SnapshotTable) => {
    const editor = editorRef.current
    if (!editor) return
    editor.focus()
    editor.update(() => {
      $insertNodes([$createSnapshotTableNode(table), $createParagraphNode()])
    })
  }

  /** The case's first ACH matrix, summarized as it scores now. */
  const insertAchSummary = async () => {
    try {
      const [first] = await client.call('ach.list', { caseId })
      if (!first) throw new Error(t('cases:notebook.noMatrix'))
      insertTable(achSummaryTable(await client.call('ach.get', { id: first.id }), new Date().toISOString()))
    } catch (err) {
      fail(err)
    }
  }

  /**
   * A table of what the case's articles hold (events, entities), read once their extraction is
   * done; articles still waiting for it beyond what main extracts at once are said to be left out.
   */
  const insertExtracted = async <T,>(
    read: () => Promise<{ items: T[]; total: number; waiting?: number }>,
    none: string,
    toTable: (items: T[], total: number) => SnapshotTable
  ) => {
    try {
      const { items, total, waiting } = await read()
      const leftOut = waiting ? t('cases:brief.stillIndexing', { count: waiting }) : null
      if (!items.length) throw new Error(leftOut ?? none)
      insertTable(toTable(items, total))
      if (leftOut) toast({ text: leftOut })
    } catch (err) {
      fail(err)
    }
  }

  /** The case's first 20 events, oldest first. */
  const insertTimeline = () =>
    insertExtracted(
      () => client.call('timeline.list', { caseId, limit: 20, complete: true }),
      t('cases:notebook.noEvents'),
      (items, total) => timelineTable(items, caseName, total, new Date().toISOString())
    )

  /** The 30 entities most named in the case's articles. */
  const insertEntities = () =>
    insertExtracted(
      () => client.call('entity.ofCase', { caseId, limit: 30 }),
      t('cases:brief.noEntities'),
      (items, total) => entityTable(items, caseName, total, new Date().toISOString())
    )

  return (
    <section
      className="case-notebook"
      aria-label={t('cases:notebook.label', { name: caseName })}
      // The key judgement's label is drawn by CSS, above the paragraph and outside the note's text.
      style={cssLabels({ '--key-judgement-label': t('cases:notebook.keyJudgement') })}
    >
      <div className="section-title-row">
        <h3 className="section-title">{t('cases:notebook.title')}</h3>
        <button type="button" onClick={onBrief} data-testid="brief-check">
          {t('cases:notebook.checkExport')}
        </button>
      </div>
      <QuoteContext.Provider value={context}>
        <ClaimQuoteContext.Provider value={claimContext}>
          <LoadedEditor
            key={caseId}
            target={{ caseId }}
            label={t('cases:notebook.editorLabel', { name: caseName })}
            toolbarName={t('cases:notebook.toolbar')}
            placeholder={t('cases:notebook.placeholder')}
            testId="case-notebook-input"
            statusTestId="case-notebook-save-status"
            editorRef={editorRef}
            toolbarExtras={
              <>
                <button type="button" onMouseDown={keep} onClick={toggleKeyJudgement} title={t('cases:notebook.keyJudgementTitle')}>
                  {t('cases:notebook.keyJudgement')}
                </button>
                <button type="button" onMouseDown={keep} onClick={() => setPickingHighlight(true)} disabled={!article} title={t('cases:notebook.insertQuoteTitle')}>
                  {t('cases:notebook.insertQuote')}
                </button>
                <button type="button" onMouseDown={keep} onClick={() => setPicking(true)} title={t('cases:notebook.quoteClaimTitle')}>
                  {t('cases:notebook.quoteClaim')}
                </button>
                <button type="button" onMouseDown={keep} onClick={() => void insertAchSummary()} title={t('cases:notebook.achSummaryTitle')}>
                  {t('cases:notebook.achSummary')}
                </button>
                <button type="button" onMouseDown={keep} onClick={() => void insertTimeline()} title={t('cases:notebook.timelineTitle', { count: 20 })}>
                  {t('cases:notebook.timeline')}
                </button>
                <button type="button" onMouseDown={keep} onClick={() => void insertEntities()} title={t('cases:brief.entityListHint')}>
                  {t('cases:brief.entityList')}
                </button>
              </>
            }
          >
            <HighlightQuotePlugin snapshotOf={snapshotOf} />
            <ClaimQuotePlugin />
          </LoadedEditor>
        </ClaimQuoteContext.Provider>
      </QuoteContext.Provider>
      {picking && <ClaimQuotePicker claims={caseClaims} onPick={quoteClaim} onClose={() => setPicking(false)} />}
      {pickingHighlight && <QuotePicker highlights={highlights} labels={labels} onPick={insert} onClose={() => setPickingHighlight(false)} />}
    </section>
  )
}
