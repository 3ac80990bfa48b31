import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { formatPairingCode } from '../../../shared/capture/capture-wire'
import type { Translate } from '../../../shared/i18n'
import { reasonText } from '../../../shared/i18n/reason-messages'
import type { Reason } from '../../../shared/reasons'
import { useClient } from '../api/client-context'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { ErrorMessage } from '../ui/ErrorMessage'

type Overview = ChannelOutput<'capture.overview'>

interface Props {
  onClose(): void
}

/**
 * Why the capture endpoint does not listen, in the interface language, from the reason main
 * gives (capture-endpoint.ts); without one, main's English words after a sentence of ours.
 */
function endpointProblem(problem: string | null, reason: Reason | null, t: Translate): ReactNode {
  if (reason) return reasonText(reason, t)
  return (
    <>
      {t('library:capture.notListening')}{' '}
      {problem && (
        <span lang="en" dir="ltr">
          {problem}
        </span>
      )}
    </>
  )
}

/**
 * Connect Browser: a short code to type into the Save to Dossier extension, the browsers paired
 * so far (each can be revoked), and whether the capture endpoint listens. The code is new each
 * time the dialog opens and stops working when it closes.
 */
export function ConnectBrowserDialog({ onClose }: Props) {
  const client = useClient()
  const t = useT()
  const { intl } = useLocale()
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)
  const [overview, setOverview] = useState<Overview | null>(null)
  const [error, setError] = useState<unknown>(null)
  const fail = useCallback((err: unknown) => setError(err ?? new Error(String(err))), [])

  const refresh = useCallback(() => client.call('capture.overview', {}).then(setOverview, fail), [client, fail])
  const newCode = useCallback(
    () =>
      client.call('capture.startPairing', {}).then((c) => {
        setCode(c)
        return refresh()
      }, fail),
    [client, fail, refresh]
  )

  useEffect(() => {
    void newCode()
    // While the dialog is open the list follows the extension: a pairing shows up as it happens.
    const timer = window.setInterval(() => void refresh(), 2000)
    return () => {
      window.clearInterval(timer)
      void client.call('capture.cancelPairing', {}).catch(() => undefined)
    }
  }, [client, newCode, refresh])

  async function revoke(id: string) {
    try {
      setError(null)
      await client.call('capture.revoke', { id })
      await refresh()
    } catch (err) {
      fail(err)
    }
  }

  const time = (iso: string, options: Intl.DateTimeFormatOptions) => (
    <time dateTime={iso}>{new Intl.DateTimeFormat(intl, options).format(new Date(iso))}</time>
  )
  const dateTime = (iso: string) => time(iso, { dateStyle: 'medium', timeStyle: 'short' })
  const used = code !== null && overview !== null && overview.pending === null
  const endpoint = overview?.endpoint
  return (
    <Dialog title={t('library:capture.title')} className="connect-browser-dialog" onClose={onClose} testId="connect-browser-dialog">
      <p>{t('library:capture.intro')}</p>
      {code && !used && (
        <p className="pairing-code" data-testid="pairing-code" translate="no" aria-label={t('library:capture.codeLabel', { code: code.code.split('').join(' ') })}>
          {formatPairingCode(code.code)}
        </p>
      )}
      {code && !used && <p className="empty-hint">{richT(t, 'library:capture.expires', { time: time(code.expiresAt, { hour: '2-digit', minute: '2-digit' }) })}</p>}
      {used && (
        <p role="status" data-testid="pairing-done">
          {t('library:capture.used')}{' '}
          <button type="button" className="link" onClick={() => void newCode()}>
            {t('library:capture.newCode')}
          </button>
        </p>
      )}
      <p className="empty-hint" data-testid="capture-endpoint">
        {endpoint === undefined || endpoint === null
          ? t('library:capture.notRunning')
          : endpoint.listening
            ? t('library:capture.listening', { port: String(endpoint.port) })
            : endpointProblem(endpoint.problem, endpoint.reason, t)}
      </p>
      <h3>{t('library:capture.paired')}</h3>
      {overview && overview.pairings.length === 0 && <p className="empty-hint">{t('library:capture.none')}</p>}
      <ul className="pairing-list" data-testid="pairing-list">
        {overview?.pairings.map((p) => {
          const history = [
            richT(t, 'library:capture.pairedOn', { when: dateTime(p.createdAt) }),
            p.lastUsedAt && richT(t, 'library:capture.lastCapture', { when: dateTime(p.lastUsedAt) }),
            p.revokedAt && richT(t, 'library:capture.revokedOn', { when: dateTime(p.revokedAt) })
          ].filter(Boolean)
          return (
            <li key={p.id}>
              <span>
                <span translate="no">{p.name}</span>
                <span className="empty-hint">
                  {' — '}
                  {history.map((part, i) => (
                    <Fragment key={i}>
                      {i > 0 && t('common:listSeparator')}
                      {part}
                    </Fragment>
                  ))}
                </span>
              </span>
              {!p.revokedAt && (
                <button type="button" onClick={() => void revoke(p.id)} aria-label={t('library:capture.revokeLabel', { name: p.name })}>
                  {t('library:capture.revoke')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common:done')}
        </button>
      </div>
    </Dialog>
  )
}
