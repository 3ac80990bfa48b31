import { useCallback, useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { formatPairingCode } from '../../../shared/capture/capture-wire'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'

type Overview = ChannelOutput<'capture.overview'>

interface Props {
  onClose(): void
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * Connect Browser: a short code to type into the Save to Dossier extension, the browsers paired
 * so far (each can be revoked), and whether the capture endpoint listens. The code is new each
 * time the dialog opens and stops working when it closes.
 */
export function ConnectBrowserDialog({ onClose }: Props) {
  const client = useClient()
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)
  const [overview, setOverview] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fail = useCallback((err: unknown) => setError(err instanceof Error ? err.message : String(err)), [])

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

  const used = code !== null && overview !== null && overview.pending === null
  const endpoint = overview?.endpoint
  return (
    <Dialog title="Connect Browser" className="connect-browser-dialog" onClose={onClose} testId="connect-browser-dialog">
      <p>
        Install the Save to Dossier extension (see the README), open it from the browser’s toolbar, and type this code. It works once, for five
        minutes.
      </p>
      {code && !used && (
        <p className="pairing-code" data-testid="pairing-code" aria-label={`Pairing code ${code.code.split('').join(' ')}`}>
          {formatPairingCode(code.code)}
        </p>
      )}
      {code && !used && <p className="empty-hint">Expires at {timeFormat.format(new Date(code.expiresAt))}.</p>}
      {used && (
        <p role="status" data-testid="pairing-done">
          The code was used.{' '}
          <button type="button" className="link" onClick={() => void newCode()}>
            Show a new code
          </button>
        </p>
      )}
      <p className="empty-hint" data-testid="capture-endpoint">
        {endpoint === undefined || endpoint === null
          ? 'Browser capture is not running in this window’s Dossier.'
          : endpoint.listening
            ? `Dossier listens for the extension on 127.0.0.1, port ${endpoint.port} (change it in Settings).`
            : endpoint.problem}
      </p>
      <h3>Paired browsers</h3>
      {overview && overview.pairings.length === 0 && <p className="empty-hint">No browser is paired yet.</p>}
      <ul className="pairing-list" data-testid="pairing-list">
        {overview?.pairings.map((p) => (
          <li key={p.id}>
            <span>
              {p.name}
              <span className="empty-hint">
                {' '}
                — paired {dateTimeFormat.format(new Date(p.createdAt))}
                {p.lastUsedAt && `, last capture ${dateTimeFormat.format(new Date(p.lastUsedAt))}`}
                {p.revokedAt && `, revoked ${dateTimeFormat.format(new Date(p.revokedAt))}`}
              </span>
            </span>
            {!p.revokedAt && (
              <button type="button" onClick={() => void revoke(p.id)} aria-label={`Revoke ${p.name}`}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
