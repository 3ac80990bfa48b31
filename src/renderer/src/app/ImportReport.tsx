import type { ImportResult } from '../../../shared/domain-types'

interface Props {
  results: readonly ImportResult[]
  onOpen(id: string): void
  onImportWholeText(name: string): void
  onDismiss(): void
}

const STATUS_LABEL = { imported: 'Imported', updated: 'Updated to a newer version', duplicate: 'Already in library', rejected: 'Not imported', skipped: 'Skipped' } as const

/** What happened to each file, so nothing is rejected silently. */
export function ImportReport({ results, onOpen, onImportWholeText, onDismiss }: Props) {
  const count = (status: ImportResult['status']) => results.filter((r) => r.status === status).length
  const rejected = count('rejected')
  const summary = [
    `${count('imported')} imported`,
    count('updated') && `${count('updated')} updated`,
    count('duplicate') && `${count('duplicate')} already in library`,
    rejected && `${rejected} not imported`,
    count('skipped') && `${count('skipped')} skipped`
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <section className={`import-report${rejected ? ' has-errors' : ''}`} role="status" aria-label="Import report" data-testid="import-report">
      <header>
        <strong>
          {results.length === 1 ? STATUS_LABEL[results[0]!.status] : summary}
        </strong>
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
          ✕
        </button>
      </header>
      <ul>
        {results.map((r, i) => (
          <li key={i} className={r.status}>
            <span className="file">{r.name}</span>{' '}
            {r.articleId === null && r.status !== 'rejected' ? (
              // An annotations file: it made no article of its own, so there is nothing to open.
              <span className="reason">{r.message}</span>
            ) : r.status === 'rejected' ? (
              <>
                <span className="reason">{r.message}</span>
                {r.canImportWholeText && (
                  <button type="button" className="link" onClick={() => onImportWholeText(r.name)}>
                    Import its whole text instead
                  </button>
                )}
              </>
            ) : (
              <>
                <button type="button" className="link" onClick={() => r.articleId && onOpen(r.articleId)}>
                  {r.status === 'duplicate' ? `already in library: ${r.title}` : r.status === 'updated' ? r.message : r.title}
                </button>
                <ImportDetails result={r} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Pages, what cleaning set aside and what the import left out, in one line under the title. */
function ImportDetails({ result }: { result: ImportResult }) {
  const parts = [
    result.pages !== undefined && `${result.pages} page${result.pages === 1 ? '' : 's'}`,
    ...(result.removed ?? []).map((r) => `${r.count} set aside: ${r.reason}`),
    ...(result.notes ?? [])
  ].filter(Boolean)
  if (result.status === 'duplicate' || parts.length === 0) return null
  return <span className="reason details"> {parts.join(' · ')}</span>
}
