import { useEffect, useRef, useState } from 'react'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'
import { runVerify, type VerifyJob } from '../../../shared/analysis/verify-run'

interface Props {
  onClose(): void
}

const MB = 1024 * 1024

/**
 * Help > Verify Library…: every stored original against the hash taken at import, and the
 * activity log's hash chain against its head. It starts on opening, since that is all the
 * dialog is for; it runs as a job with its progress and a Cancel button (closing the dialog
 * cancels it too), and says plainly which articles or log entries failed.
 */
export function VerifyLibraryDialog({ onClose }: Props) {
  const client = useClient()
  const [job, setJob] = useState<VerifyJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const stop = useRef({ requested: false })
  const [cancelRequested, setCancelRequested] = useState(false)

  useEffect(() => {
    const request = { requested: false }
    stop.current = request
    let live = true
    runVerify(client.call, (j) => live && setJob(j), request).catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
    return () => {
      live = false
      request.requested = true
    }
  }, [client])

  const running = !error && (!job || !job.finished)
  const report = job?.finished ? job.report : null
  const cancelling = running && cancelRequested

  return (
    <Dialog title="Verify Library" className="verify-dialog" onClose={onClose} testId="verify-dialog">
      {running && (
        <div className="import-progress" role="status" aria-live="polite" data-testid="verify-progress">
          <p>{cancelling ? 'Cancelling…' : 'Checking every original and the activity log…'}</p>
          <progress aria-label="Verification progress" max={job?.total || 1} value={job?.done ?? 0} />
          {job && job.total > 0 && (
            <p className="empty-hint">
              {job.done.toLocaleString()} of {job.total.toLocaleString()} originals and log entries checked
            </p>
          )}
        </div>
      )}
      {job?.finished && job.cancelled && (
        <p role="status" aria-live="polite" data-testid="verify-result">
          Verification cancelled after {job.done.toLocaleString()} of {job.total.toLocaleString()} originals and log entries; nothing was concluded.
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
      {(error || job?.error) && (
        <p className="error" role="alert">
          {error ?? job?.error}
        </p>
      )}
      <div className="dialog-actions">
        {running && (
          <button
            type="button"
            disabled={cancelling}
            onClick={() => {
              stop.current.requested = true
              setCancelRequested(true)
            }}
          >
            Cancel
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
