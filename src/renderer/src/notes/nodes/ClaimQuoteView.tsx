import type { NodeKey } from 'lexical'
import { CLAIM_STATUS_NAMES } from '../../../../shared/analysis/claim-warnings'
import { setClaimQuoteView, type ClaimQuoteSnapshot } from '../../../../shared/notes/nodes/ClaimQuoteNode'
import { useClaimQuoteContext } from '../../claims/claim-quote-context'

function counts(c: { supports: number; contradicts: number; context: number }): string {
  return `${c.supports} supporting · ${c.contradicts} contradicting · ${c.context} context`
}

/**
 * A claim quoted in a case's notebook: the statement, its status and evidence counts as they are
 * now (or as quoted, while the claims load), and a way to open the claim. A deleted claim is said
 * so, never hidden.
 */
export function ClaimQuoteView({ claim }: { claim: ClaimQuoteSnapshot; nodeKey: NodeKey }) {
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
      title={state === 'live' ? 'Click to open the claim' : undefined}
    >
      <blockquote className="quote-node-text">
        <span className="claim-quote-kind">Claim:</span> {shown.text}
      </blockquote>
      <figcaption className="quote-node-caption">
        <span className="claim-status" data-testid="claim-quote-status">
          {CLAIM_STATUS_NAMES[shown.status]}
        </span>
        <span data-testid="claim-quote-counts">{counts(shown)}</span>
        {state === 'live' ? (
          // The figure's click opens the claim; the button makes it reachable by keyboard.
          <button type="button" className="link">
            Open claim
          </button>
        ) : (
          <span className="quote-node-missing" role="note">
            This claim was deleted; this is the claim as quoted.
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
