import type { NodeKey } from 'lexical'
import { setHighlightQuoteView, type HighlightQuoteSnapshot } from '../../../../shared/notes/nodes/HighlightQuoteNode'
import { useQuoteContext } from '../quote-context'
import { dirAttribute } from '../../../../shared/text/direction'
import { useT } from '../../i18n/use-t'

/**
 * A quote node as the analyst sees it: the words, the label and the citation from the snapshot,
 * with the highlight's live state. A deleted or orphaned highlight is said so, never hidden.
 */
export function HighlightQuoteView({ quote }: { quote: HighlightQuoteSnapshot; nodeKey: NodeKey }) {
  const t = useT()
  const { highlights, labels, jump, partial } = useQuoteContext()
  const live = highlights.find((h) => h.id === quote.highlightId)
  const label = live ? labels.find((l) => l.id === live.labelId) : undefined
  const state = !live ? (partial ? 'live' : 'deleted') : live.orphaned ? 'orphaned' : 'live'
  return (
    <figure
      className={`quote-node ${state}`}
      data-testid="quote-node"
      data-highlight-id={quote.highlightId}
      data-state={state}
      onClick={() => state === 'live' && jump(quote.highlightId)}
      title={state === 'live' ? t('notes:quote.showTitle') : undefined}
    >
      <blockquote className="quote-node-text" dir={dirAttribute(quote.quote)}>
        {quote.quote}
      </blockquote>
      <figcaption className="quote-node-caption">
        {(label?.name ?? quote.label) && <span className={`label-chip small c-${label?.color ?? 'gray'}`} translate="no">{label?.name ?? quote.label}</span>}
        <cite>{quote.citation}</cite>
        {state === 'live' ? (
          // The figure's click does the jump; the button makes it reachable by keyboard.
          <button type="button" className="link">
            {t('notes:quote.show')}
          </button>
        ) : (
          <span className="quote-node-missing" role="note">
            {state === 'deleted' ? t('notes:quote.deleted') : t('notes:quote.orphaned')}
          </span>
        )}
      </figcaption>
    </figure>
  )
}

/** Called once by the renderer: quote nodes in every editor draw with this view. */
export function registerHighlightQuoteView(): void {
  setHighlightQuoteView((quote, nodeKey) => <HighlightQuoteView quote={quote} nodeKey={nodeKey} />)
}
