import { useEffect, useState } from 'react'
import type { DossierClient } from '../api/client'

interface Props {
  error: string | null
  onDismissError(): void
  client: DossierClient
  fail(err: unknown): void
}

/**
 * Messages that stay until dismissed: the last error, and where the library lives may put it at
 * risk (a network share, a synced folder), said once per start.
 */
export function Banners({ error, onDismissError, client, fail }: Props) {
  const [warnings, setWarnings] = useState<string[]>([])
  useEffect(() => {
    client.call('library.warnings', {}).then((r) => setWarnings(r.warnings), fail)
  }, [client, fail])
  return (
    <>
      {error && (
        <div className="banner error" role="alert">
          {error}
          <button type="button" className="link" onClick={onDismissError} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {warnings.map((warning) => (
        <div key={warning} className="banner warning" role="alert" data-testid="location-warning">
          {warning}
          <button type="button" className="link" onClick={() => setWarnings((ws) => ws.filter((w) => w !== warning))} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </>
  )
}
