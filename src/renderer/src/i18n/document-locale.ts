import { directionOf, intlLocale, matchLocale, type UiLocale } from '../../../shared/i18n'
import type { AppSettings } from '../../../shared/settings'

/** The locale the setting asks for: "system" reads the OS's preferred languages. */
export function resolveUiLocale(setting: AppSettings['locale'], preferred: readonly string[]): UiLocale {
  return setting === 'system' ? matchLocale(preferred) : setting
}

/**
 * The page's language and direction follow the interface: `lang` picks fonts, hyphenation and
 * line breaking for the chrome, and `dir` mirrors the whole layout in Arabic. The reader sets
 * its own `lang` and `dir` from each article, so a French article stays left to right there.
 */
export function applyDocumentLocale(locale: UiLocale): void {
  const root = document.documentElement
  root.lang = intlLocale(locale)
  root.dir = directionOf(locale)
}
