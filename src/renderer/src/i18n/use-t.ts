import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { intlLocale, translator, type Translate, type UiLocale } from '../../../shared/i18n'

/**
 * The typed `t` for components: re-renders the component when the language changes, and only
 * accepts keys of the English catalogs (`namespace:key`).
 */
export function useT(): Translate {
  const { i18n } = useTranslation()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `t` per language, so memoised children re-render
  return useMemo(() => translator(i18n), [i18n, i18n.language])
}

/** The interface locale in use, and the locale to give `Intl` for it. */
export function useLocale(): { locale: UiLocale; intl: string } {
  const { i18n } = useTranslation()
  const locale = i18n.language as UiLocale
  return { locale, intl: intlLocale(locale) }
}
