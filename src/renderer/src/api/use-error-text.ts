import { useCallback } from 'react'
import { useLocale, useT } from '../i18n/use-t'
import { errorLine } from './error-message'

/** Words a failure for a component in the interface language (decision 0033): `errorText(err)`. */
export function useErrorText(): (err: unknown) => string {
  const t = useT()
  const { locale } = useLocale()
  return useCallback((err: unknown) => errorLine(err, t, locale), [t, locale])
}
