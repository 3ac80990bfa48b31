import type { Translate } from '../i18n/messages'
import type { ClaimWarning } from './claim-warnings'

/** A claim warning in the interface's language, from what it names (main also words it in English, for `--json` and the exports). */
export function claimWarningText(t: Translate, w: Pick<ClaimWarning, 'kind' | 'values'>): string {
  const count = Number(w.values.count ?? 0)
  switch (w.kind) {
    case 'single_source':
      return t('claims:warning.singleSource', { count, source: String(w.values.source ?? '') || t('claims:warning.noSource') })
    case 'circular_reporting':
      return t('claims:warning.circular', { count })
    case 'low_credibility_only':
      return t('claims:warning.lowCredibility')
    case 'no_contradicting_evidence':
      return t('claims:warning.noContradicting')
  }
}
