import { useCallback, useEffect, useState, type DragEvent, type FormEvent } from 'react'
import { claimWarningText } from '../../../shared/analysis/claim-warning-text'
import { dirAttribute } from '../../../shared/text/direction'
import { CLAIM_STATUS_MESSAGES, CLAIM_STATUSES, type EvidenceRelation } from '../../../shared/analysis/claim-warnings'
import type { Translate } from '../../../shared/i18n'
import type { ClaimDetail, ClaimSummary, EvidenceItem } from '../../../shared/analysis/analysis-types'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { caseName, useCases } from '../cases/cases-store'
import { runCommand } from '../commands/command-registry'
import { GradeChip } from '../grades/GradeChip'
import { HIGHLIGHT_DRAG_TYPE, isHighlightDrag } from '../notes/highlight-drag'
import { useCurrentCase } from '../shell/case-slot'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'
import { useLocale, useT } from '../i18n/use-t'
import { RELATION_NAMES, claimsChanged, requestOpenClaim, useClaimsVersion, useRequestedClaim } from './claims-store'
import { achChanged, addToMatrix } from '../ach/ach-store'

export const CLAIM_DRAG_TYPE = 'application/x-dossier-claim'

/** Where a dragged highlight may land: while it is over, the target is marked; on drop it links. */
function useHighlightDrop(onDrop: (highlightId: string) => void) {
  const [over, setOver] = useState(false)
  return {
    over,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!isHighlightDrag(event.dataTransfer)) return
        event.preventDefault()
        // The highlight panel allows copy only (see dragHighlight): the highlight stays where it is.
        event.dataTransfer.dropEffect = 'copy'
        setOver(true)
      },
      onDragLeave() {
        setOver(false)
      },
      onDrop(event: DragEvent) {
        if (!isHighlightDrag(event.dataTransfer)) return
        event.preventDefault()
        // Not a file drop: the window's import-on-drop must not see it.
        event.stopPropagation()
        setOver(false)
        onDrop(event.dataTransfer.getData(HIGHLIGHT_DRAG_TYPE))
      }
    }
  }
}

/**
 * The Claims view: the open case's claims, each with its status, evidence counts, best grade and
 * warnings (never verdicts), sorted by how well supported they are. A highlight dragged onto a
 * claim becomes its evidence; a claim opened shows its supporting and contradicting passages.
 */
export function ClaimsPanel() {
  const t = useT()
  const client = useClient()
  const toast = useToast()
  const { libraryVersion, fail } = useWorkbench()
  const { caseId } = useCurrentCase()
  const name = caseName(useCases().cases, caseId)
  const version = useClaimsVersion()
  const [sort, setSort] = useState<'support' | 'created'>('support')
  const [loaded, setLoaded] = useState<{ caseId: string; claims: ClaimSummary[] } | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const claims = loaded && loaded.caseId === caseId ? loaded.claims : null

  // A claim quote in the case's notebook asked for this claim: open it and bring it into view.
  const requested = useRequestedClaim()
  if (requested !== null && requested !== openId) setOpenId(requested)
  useEffect(() => {
    if (requested) requestOpenClaim(null)
  }, [requested])
  useEffect(() => {
    if (openId) document.querySelector(`[data-testid="claim"][data-claim-id="${openId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [openId, claims])

  useEffect(() => {
    if (!caseId) return
    let live = true
    client.call('claim.list', { caseId, sort }).then((list) => live && setLoaded({ caseId, claims: list }), fail)
    return () => {
      live = false
    }
  }, [client, caseId, sort, version, libraryVersion, fail])

  async function create(event: FormEvent) {
    event.preventDefault()
    if (!caseId || !text.trim()) return
    try {
      const created = await client.call('claim.create', { caseId, text })
      setText('')
      setOpenId(created.id)
      claimsChanged()
    } catch (err) {
      fail(err)
    }
  }

  const link = useCallback(
    async (claim: { id: string; text: string }, highlightId: string, relation: EvidenceRelation) => {
      try {
        await client.call('claim.link', { claimId: claim.id, highlightId, relation })
        claimsChanged()
        toast({
          text: t('claims:linkedToast', { relation, claim: claim.text }),
          undo: () => void client.call('claim.unlink', { claimId: claim.id, highlightId }).then(claimsChanged, fail)
        })
      } catch (err) {
        fail(err)
      }
    },
    [client, toast, fail, t]
  )

  if (!caseId) {
    return (
      <section className="claims-panel" aria-label={t('claims:title')} data-testid="claims-panel">
        <h2 className="pane-title">{t('claims:title')}</h2>
        <div className="empty-state" data-testid="claims-no-case">
          <p>
            <strong>{t('claims:noCase')}</strong>
          </p>
          <p>{t('claims:noCaseHint')}</p>
          <button type="button" onClick={() => runCommand('case.new')}>
            {t('claims:newCase')}
          </button>
        </div>
      </section>
    )
  }

  return (
    <section className="claims-panel" aria-label={t('claims:title')} data-testid="claims-panel">
      <div className="pane-title-row">
        <h2 className="pane-title">
          {t('claims:title')} <span className="count">{claims?.length ?? ''}</span>
        </h2>
        <select aria-label={t('claims:sort')} value={sort} onChange={(e) => setSort(e.target.value as 'support' | 'created')}>
          <option value="support">{t('claims:sort.support')}</option>
          <option value="created">{t('claims:sort.created')}</option>
        </select>
      </div>
      <p className="case-scope">
        {t('claims:scope.case')} <strong translate="no">{name ?? '…'}</strong> {t('claims:scope.hint')}
      </p>
      <form className="claim-form case-form" onSubmit={(e) => void create(e)}>
        <label>
          {t('claims:new')}
          <textarea
            rows={2}
            maxLength={2000}
            value={text}
            placeholder={t('claims:newPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                void create(e)
              }
            }}
            data-testid="claim-text"
          />
        </label>
        <button type="submit" disabled={!text.trim()}>
          {t('claims:add')}
        </button>
      </form>
      {claims?.length === 0 && <p className="empty-hint" data-testid="claims-empty">{t('claims:empty')}</p>}
      <ul className="claim-list" data-testid="claim-list">
        {claims?.map((c) => (
          <ClaimRow key={c.id} claim={c} open={c.id === openId} onToggle={() => setOpenId(c.id === openId ? null : c.id)} onLink={link} />
        ))}
      </ul>
    </section>
  )
}

function counts(t: Translate, c: ClaimSummary): string {
  return t('claims:counts', { supports: c.supports, contradicts: c.contradicts, context: c.context })
}

interface RowProps {
  claim: ClaimSummary
  open: boolean
  onToggle(): void
  onLink(claim: ClaimSummary, highlightId: string, relation: EvidenceRelation): Promise<void>
}

function ClaimRow({ claim, open, onToggle, onLink }: RowProps) {
  const t = useT()
  const drop = useHighlightDrop((highlightId) => void onLink(claim, highlightId, 'supports'))
  return (
    <li className="claim-entry" data-testid="claim" data-claim-id={claim.id}>
      <button
        type="button"
        className={`claim-item${open ? ' selected' : ''}${drop.over ? ' drop-target' : ''}`}
        aria-expanded={open}
        onClick={onToggle}
        {...drop.handlers}
        draggable
        onDragStart={(e) => {
          // Into a hypotheses matrix as an evidence row.
          e.dataTransfer.setData(CLAIM_DRAG_TYPE, claim.id)
          e.dataTransfer.effectAllowed = 'copy'
        }}
        title={t('claims:dropTitle')}
      >
        <span className="claim-status" data-testid="claim-status">
          {t(CLAIM_STATUS_MESSAGES[claim.status])}
        </span>
        <span className="case-name" translate="no">
          {claim.text}
        </span>
        <span className="claim-counts" data-testid="claim-counts">
          {counts(t, claim)} · {t('claims:best')} <GradeChip reliability={claim.bestReliability} credibility={claim.bestCredibility} inert />
        </span>
      </button>
      {claim.warnings.length > 0 && (
        <ul className="claim-warnings" aria-label={t('claims:warnings')} data-testid="claim-warnings">
          {claim.warnings.map((w) => (
            <li key={w.kind} className="claim-warning" data-warning={w.kind}>
              {claimWarningText(t, w)}
            </li>
          ))}
        </ul>
      )}
      {open && <ClaimView claimId={claim.id} onLink={onLink} />}
    </li>
  )
}

function ClaimView({ claimId, onLink }: { claimId: string; onLink: RowProps['onLink'] }) {
  const t = useT()
  const client = useClient()
  const toast = useToast()
  const { workspace, fail } = useWorkbench()
  const version = useClaimsVersion()
  const [claim, setClaim] = useState<ClaimDetail | null>(null)

  useEffect(() => {
    let live = true
    client.call('claim.get', { id: claimId }).then((c) => live && setClaim(c), fail)
    return () => {
      live = false
    }
  }, [client, claimId, version, fail])

  if (!claim) return <p className="empty-hint">{t('claims:loading')}</p>

  async function update(patch: { status?: ClaimDetail['status']; text?: string }) {
    try {
      setClaim(await client.call('claim.update', { id: claimId, ...patch }))
      claimsChanged()
    } catch (err) {
      fail(err)
    }
  }

  async function unlink(item: EvidenceItem) {
    try {
      await client.call('claim.unlink', { claimId, highlightId: item.highlightId })
      claimsChanged()
      toast({
        text: t('claims:unlinkedToast'),
        undo: () => void client.call('claim.link', { claimId, highlightId: item.highlightId, relation: item.relation }).then(claimsChanged, fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  async function toMatrix(c: ClaimDetail) {
    try {
      const { matrixName, rowId } = await addToMatrix(client, c.caseId, { claimId: c.id }, t('ach:title'))
      toast(
        rowId
          ? { text: t('claims:toMatrixToast', { matrix: matrixName }), undo: () => void client.call('ach.removeRow', { id: rowId }).then(achChanged, fail) }
          : { text: t('claims:inMatrixAlready', { matrix: matrixName }) }
      )
    } catch (err) {
      fail(err)
    }
  }

  async function remove(c: ClaimDetail) {
    try {
      await client.call('claim.delete', { id: c.id })
      claimsChanged()
      const links = (r: EvidenceRelation) => c.evidence.filter((e) => e.relation === r).map((e) => e.highlightId)
      toast({
        text: t('claims:deletedToast', { count: c.evidence.length }),
        undo: () =>
          void client
            .call('claim.create', { caseId: c.caseId, text: c.text, supports: links('supports'), contradicts: links('contradicts'), context: links('context') })
            .then((back) => (c.status === 'unassessed' ? back : client.call('claim.update', { id: back.id, status: c.status })))
            .then(claimsChanged, fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  const column = (relation: EvidenceRelation) => (
    <EvidenceColumn
      relation={relation}
      items={claim.evidence.filter((e) => e.relation === relation)}
      onDrop={(highlightId) => void onLink(claim, highlightId, relation)}
      onOpen={(item) => workspace.openLink({ kind: 'highlight', id: item.highlightId })}
      onUnlink={(item) => void unlink(item)}
    />
  )

  return (
    <div className="claim-detail" data-testid="claim-view">
      <label>
        {t('claims:status')}{' '}
        <select value={claim.status} onChange={(e) => void update({ status: e.target.value as ClaimDetail['status'] })} data-testid="claim-status-select">
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(CLAIM_STATUS_MESSAGES[s])}
            </option>
          ))}
        </select>
      </label>
      <div className="evidence-columns">
        {column('supports')}
        {column('contradicts')}
      </div>
      {column('context')}
      <div className="button-row">
        <button type="button" onClick={() => void toMatrix(claim)} data-testid="claim-add-to-matrix">
          {t('claims:addToMatrix')}
        </button>
        <button type="button" className="danger" onClick={() => void remove(claim)}>
          {t('claims:delete')}
        </button>
      </div>
    </div>
  )
}

interface ColumnProps {
  relation: EvidenceRelation
  items: EvidenceItem[]
  onDrop(highlightId: string): void
  onOpen(item: EvidenceItem): void
  onUnlink(item: EvidenceItem): void
}

function EvidenceColumn({ relation, items, onDrop, onOpen, onUnlink }: ColumnProps) {
  const t = useT()
  const { intl } = useLocale()
  const drop = useHighlightDrop(onDrop)
  return (
    <section className={`evidence-column${drop.over ? ' drop-target' : ''}`} aria-label={t(RELATION_NAMES[relation])} data-testid={`evidence-${relation}`} {...drop.handlers}>
      <h4>
        {t('claims:relationCount', { relation: t(RELATION_NAMES[relation]), count: items.length })}
      </h4>
      {items.length === 0 ? (
        <p className="evidence-meta">{t('claims:dropHere')}</p>
      ) : (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.highlightId}>
              <button type="button" className="evidence-item" onClick={() => onOpen(item)} title={t('claims:openPassage')} data-testid="evidence-item">
                <span className="highlight-quote" translate="no" dir={dirAttribute(item.exact)}>
                  {item.exact}
                </span>
                <span className="evidence-meta">
                  <GradeChip reliability={item.reliability} credibility={item.credibility} inert /> <span translate="no">{item.sourceName ?? item.articleTitle}</span> ·{' '}
                  <time dateTime={item.publishedAt ?? item.importedAt}>{formatDate(item.publishedAt ?? item.importedAt, intl)}</time>
                </span>
              </button>
              <button type="button" className="link" aria-label={t('claims:removeEvidence', { quote: item.exact.slice(0, 40) })} onClick={() => onUnlink(item)}>
                {t('claims:remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
