import type { LocationWarning } from '../domain-types'
import type { Translate } from './messages'

/**
 * Where the library lives and why that is a risk, as plain text in the language (the CLI's note on
 * stderr); the path and names are the analyst's. The window's banner words it the same way, with
 * the path set apart (Banners.tsx).
 */
export function locationWarningText(w: LocationWarning, t: Translate): string {
  const where =
    w.kind === 'network-share'
      ? t('shell:location.networkShare', { path: w.path })
      : w.kind === 'synced'
        ? t('shell:location.synced', { path: w.path, service: w.service ?? '' })
        : w.kind === 'cloud'
          ? t('shell:location.cloud', { path: w.path })
          : t('shell:location.networkFs', { path: w.path, fsType: w.fsType ?? '', mountPoint: w.mountPoint ?? '' })
  return `${where} ${t('shell:location.advice')}`
}
