import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react'
import { I18nContext } from 'react-i18next'
import type { i18n } from 'i18next'
import { intlLocale, translator, type Translate, type UiLocale } from '../../../shared/i18n'

/**
 * The window's i18next instance and its language, the component re-rendered when the language
 * changes. Lighter than react-i18next's `useTranslation`, which checks namespaces and builds a
 * fixed `t` at every render of each of the hundred-odd components that show text.
 */
function useLanguage(): { i18n: i18n; language: string } {
  const { i18n } = useContext(I18nContext)
  const subscribe = useCallback(
    (onChange: () => void) => {
      i18n.on('languageChanged', onChange)
      return () => i18n.off('languageChanged', onChange)
    },
    [i18n]
  )
  const language = useSyncExternalStore(subscribe, () => i18n.language)
  return { i18n, language }
}

/**
 * The typed `t` for components: re-renders the component when the language changes, and only
 * accepts keys of the English catalogs (`namespace:key`).
 */
export function useT(): Translate {
  const { i18n, language } = useLanguage()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `t` per language, so memoised children re-render
  return useMemo(() => translator(i18n), [i18n, language])
}

/** The window's i18next instance (to switch its language), re-rendering when the language changes. */
export function useI18n(): i18n {
  return useLanguage().i18n
}

/** The interface locale in use, and the locale to give `Intl` for it. */
export function useLocale(): { locale: UiLocale; intl: string } {
  const locale = useLanguage().language as UiLocale
  return { locale, intl: intlLocale(locale) }
}
