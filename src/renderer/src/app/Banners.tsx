import { useEffect, useState, type ReactNode } from 'react'
import type { LocationWarning } from '../../../shared/domain-types'
import type { Translate } from '../../../shared/i18n'
import type { DossierClient } from '../api/client'
import { describeError } from '../api/error-message'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'

interface Props {
  /** The last failure (an ApiError carries its code), shown in the analyst's language. */
  error: unknown
  onDismissError(): void
  client: DossierClient
  fail(err: unknown): void
}

/**
 * Messages that stay until dismissed: the last error, and where the library lives may put it at
 * risk (a network share, a synced folder), said once per start.
 */
export function Banners({ error, onDismissError, client, fail }: Props) {
  const t = useT()
  const { locale } = useLocale()
  const [warnings, setWarnings] = useState<LocationWarning[]>([])
  const shown = error === null ? null : describeError(error, t, locale)
  useEffect(() => {
    client.call('library.warnings', {}).then((r) => setWarnings(r.warnings), fail)
  }, [client, fail])
  return (
    <>
      {shown && (
        <div className="banner error" role="alert">
          {shown.message}
          {shown.detail && (
            // Main's own words (English), naming the file or field: kept, marked as English.
            <span className="banner-detail" lang="en" dir="ltr">
              {shown.detail}
            </span>
          )}
          <button type="button" className="link" onClick={onDismissError} aria-label={t('common:dismiss')}>
            ✕
          </button>
        </div>
      )}
      {warnings.map((warning) => (
        <div key={warning.message} className="banner warning" role="alert" data-testid="location-warning">
          <span>{locationText(warning, t)}</span>
          <button type="button" className="link" onClick={() => setWarnings((ws) => ws.filter((w) => w !== warning))} aria-label={t('common:dismiss')}>
            ✕
          </button>
        </div>
      ))}
    </>
  )
}

/** Where the library lives and why that is a risk, in the interface language; the path and names are the analyst's. */
function locationText(w: LocationWarning, t: Translate): ReactNode {
  const path = <span translate="no">{w.path}</span>
  const where =
    w.kind === 'network-share'
      ? richT(t, 'shell:location.networkShare', { path })
      : w.kind === 'synced'
        ? richT(t, 'shell:location.synced', { path, service: <span translate="no">{w.service}</span> })
        : w.kind === 'cloud'
          ? richT(t, 'shell:location.cloud', { path })
          : richT(t, 'shell:location.networkFs', { path, fsType: <span translate="no">{w.fsType}</span>, mountPoint: <span translate="no">{w.mountPoint}</span> })
  return (
    <>
      {where} {t('shell:location.advice')}
    </>
  )
}
