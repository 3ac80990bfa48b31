import type { ImportResult } from '../../../shared/domain-types'

interface Props {
  results: readonly ImportResult[]
  onOpen(id: string): void
  onDismiss(): void
}

const STATUS_LABEL = { imported: 'Imported', duplicate: 'Already in library', rejected: 'Not imported' } as const

/** What happened to each file, so nothing is rejected silently. */
export function ImportReport({ results, onOpen, onDismiss }: Props) {
  const rejected = results.filter((r) => r.status === 'rejected').length
  return (
    <section className={`import-report${rejected ? ' has-errors' : ''}`} role="status" aria-label="Import report" data-testid="import-report">
      <header>
        <strong>
          {results.length === 1 ? STATUS_LABEL[results[0]!.status] : `${results.length - rejected} of ${results.length} files imported`}
        </strong>
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
          ✕
        </button>
      </header>
      <ul>
        {results.map((r, i) => (
          <li key={i} className={r.status}>
            <span className="file">{r.name}</span>{' '}
            {r.status === 'rejected' ? (
              <span className="reason">{r.message}</span>
            ) : (
              <button type="button" className="link" onClick={() => r.articleId && onOpen(r.articleId)}>
                {r.status === 'duplicate' ? `already in library: ${r.title}` : r.title}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
