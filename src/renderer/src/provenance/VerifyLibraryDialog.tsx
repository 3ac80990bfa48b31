import { useEffect, useRef, useState } from 'react'
import { useClient } from '../api/client-context'
import { useLocale, useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { runVerify, type VerifyJob } from '../../../shared/analysis/verify-run'
import { useErrorText } from '../api/use-error-text'

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
  const t = useT()
  const errorText = useErrorText()
  const { intl } = useLocale()
  const client = useClient()
  const [job, setJob] = useState<VerifyJob | null>(null)
  // Kept as caught and worded when drawn, in the language of the moment.
  const [error, setError] = useState<unknown>(null)
  const stop = useRef({ requested: false })
  const [cancelRequested, setCancelRequested] = useState(false)

  useEffect(() => {
    const request = { requested: false }
    stop.current = request
    let live = true
    runVerify(client.call, (j) => live && setJob(j), request).catch((err: unknown) => live && setError(err ?? new Error(String(err))))
    return () => {
      live = false
      request.requested = true
    }
  }, [client])

  const running = error === null && (!job || !job.finished)
  const report = job?.finished ? job.report : null
  const cancelling = running && cancelRequested

  return (
    <Dialog title={t('cases:verify.title')} className="verify-dialog" onClose={onClose} testId="verify-dialog">
      {running && (
        <div className="import-progress" role="status" aria-live="polite" data-testid="verify-progress">
          <p>{cancelling ? t('cases:verify.cancelling') : t('cases:verify.checking')}</p>
          <progress aria-label={t('cases:verify.progress')} max={job?.total || 1} value={job?.done ?? 0} />
          {job && job.total > 0 && (
            <p className="empty-hint">
              {t('cases:verify.checked', { done: job.done, total: job.total })}
            </p>
          )}
        </div>
      )}
      {job?.finished && job.cancelled && (
        <p role="status" aria-live="polite" data-testid="verify-result">
          {t('cases:verify.cancelled', { done: job.done, total: job.total })}
        </p>
      )}
      {report && (
        <div role="status" aria-live="polite" data-testid="verify-result">
          <p>
            {report.ok ? t('cases:verify.intact') : t('cases:verify.failed', { count: report.failures.length })}
          </p>
          <p className="empty-hint">
            {t('cases:verify.summary', {
              count: report.articles,
              size: new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(report.bytes / MB),
              entries: report.entries
            })}
            {report.head && <> {t('cases:verify.head', { hash: report.head.hash.slice(0, 12), seq: report.head.seq })}</>}
          </p>
          {report.failures.length > 0 && (
            <ul className="verify-failures" aria-label={t('cases:verify.problems')}>
              {report.failures.map((f) => (
                <li key={`${f.kind}-${f.id}`}>
                  {f.kind === 'article' ? t('cases:verify.failureArticle', { id: f.id }) : t('cases:verify.failureEntry', { id: f.id })} {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(error !== null || job?.error) && (
        <p className="error" role="alert">
          {error !== null ? errorText(error) : job?.error}
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
            {t('cases:verify.cancel')}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('cases:verify.close')}
        </button>
      </div>
    </Dialog>
  )
}
