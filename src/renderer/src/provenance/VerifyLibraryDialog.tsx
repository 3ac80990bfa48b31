import { useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'

type Report = ChannelOutput<'provenance.verify'>

interface Props {
  onClose(): void
}

const MB = 1024 * 1024

/**
 * Help > Verify Library…: every stored original against the hash taken at import, and the
 * activity log's hash chain against its head. It starts on opening, since that is all the
 * dialog is for, and says plainly which articles or log entries failed.
 */
export function VerifyLibraryDialog({ onClose }: Props) {
  const client = useClient()
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    client.call('provenance.verify', {}).then(
      (r) => live && setReport(r),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err))
    )
    return () => {
      live = false
    }
  }, [client])

  return (
    <Dialog title="Verify Library" className="verify-dialog" onClose={onClose} testId="verify-dialog">
      {!report && !error && (
        <p role="status" aria-live="polite">
          Checking every original and the activity log…
        </p>
      )}
      {report && (
        <div role="status" aria-live="polite" data-testid="verify-result">
          <p>
            {report.ok ? 'The library is intact.' : `Verification failed: ${report.failures.length.toLocaleString()} problem${report.failures.length === 1 ? '' : 's'}.`}
          </p>
          <p className="empty-hint">
            {report.articles.toLocaleString()} original{report.articles === 1 ? '' : 's'} ({(report.bytes / MB).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB) matched
            against their hashes; {report.entries.toLocaleString()} activity-log entr{report.entries === 1 ? 'y' : 'ies'} checked
            {report.head ? `, chain head ${report.head.hash.slice(0, 12)} at entry ${report.head.seq.toLocaleString()}` : ''}.
          </p>
          {report.failures.length > 0 && (
            <ul className="verify-failures" aria-label="Problems found">
              {report.failures.map((f) => (
                <li key={`${f.kind}-${f.id}`}>
                  {f.kind === 'article' ? 'Article' : 'Log entry'} {f.id}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
