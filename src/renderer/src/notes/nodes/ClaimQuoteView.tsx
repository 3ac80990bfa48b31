import type { NodeKey } from 'lexical'
import { setClaimQuoteView, type ClaimQuoteSnapshot } from '../../../../shared/notes/nodes/ClaimQuoteNode'
import type { MessageKey } from '../../../../shared/i18n'
import { useClaimQuoteContext } from '../../claims/claim-quote-context'
import { useT } from '../../i18n/use-t'

const STATUS_NAMES: Record<ClaimQuoteSnapshot['status'], MessageKey> = {
  unassessed: 'notes:claimQuote.status.unassessed',
  corroborated: 'notes:claimQuote.status.corroborated',
  contested: 'notes:claimQuote.status.contested',
  refuted: 'notes:claimQuote.status.refuted'
}

/**
 * A claim quoted in a case's notebook: the statement, its status and evidence counts as they are
 * now (or as quoted, while the claims load), and a way to open the claim. A deleted claim is said
 * so, never hidden.
 */
export function ClaimQuoteView({ claim }: { claim: ClaimQuoteSnapshot; nodeKey: NodeKey }) {
  const t = useT()
  const { claims, open } = useClaimQuoteContext()
  const live = claims?.get(claim.claimId)
  const state = claims && !live ? 'deleted' : 'live'
  const shown = live ?? claim
  return (
    <figure
      className={`quote-node claim-quote-node ${state}`}
      data-testid="claim-quote-node"
      data-claim-id={claim.claimId}
      data-state={state}
      onClick={() => state === 'live' && open(claim.claimId)}
      title={state === 'live' ? t('notes:claimQuote.openTitle') : undefined}
    >
      <blockquote className="quote-node-text">
        <span className="claim-quote-kind">{t('notes:claimQuote.kind')}</span> {shown.text}
      </blockquote>
      <figcaption className="quote-node-caption">
        <span className="claim-status" data-testid="claim-quote-status">
          {t(STATUS_NAMES[shown.status])}
        </span>
        <span data-testid="claim-quote-counts">{t('notes:claimQuote.counts', { supports: shown.supports, contradicts: shown.contradicts, context: shown.context })}</span>
        {state === 'live' ? (
          // The figure's click opens the claim; the button makes it reachable by keyboard.
          <button type="button" className="link">
            {t('notes:claimQuote.open')}
          </button>
        ) : (
          <span className="quote-node-missing" role="note">
            {t('notes:claimQuote.deleted')}
          </span>
        )}
      </figcaption>
    </figure>
  )
}

/** Called once by the renderer: claim quotes in every editor draw with this view. */
export function registerClaimQuoteView(): void {
  setClaimQuoteView((claim, nodeKey) => <ClaimQuoteView claim={claim} nodeKey={nodeKey} />)
}
