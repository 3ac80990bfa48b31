/**
 * The interface's languages. English is the source and the fallback; every other locale is a
 * complete translation (a test fails on a missing or extra key). The pseudo-locale is English
 * made longer and accented, for tests that find hard-coded strings and layouts that break on
 * long text; the Settings list hides it.
 */
export const LOCALES = ['en', 'fr', 'ar', 'ja'] as const
export type Locale = (typeof LOCALES)[number]

export const PSEUDO_LOCALE = 'en-XA'
export type UiLocale = Locale | typeof PSEUDO_LOCALE

/** Each language named in itself, as language pickers show them. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  ja: '日本語'
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'])

/** The direction a language is written in, from its primary subtag. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(locale)) ? 'rtl' : 'ltr'
}

function primaryLanguage(tag: string): string {
  return (tag.split(/[-_.@]/, 1)[0] ?? '').toLowerCase()
}

/**
 * The interface language for the OS's preferred languages (`navigator.languages`, Electron's
 * `app.getPreferredSystemLanguages()`, or `LC_ALL`/`LANG` for the CLI): the first whose language
 * Dossier speaks, by primary subtag (fr-CA reads French), else English.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    if (tag === PSEUDO_LOCALE) continue
    const language = primaryLanguage(tag)
    const found = LOCALES.find((l) => l === language)
    if (found) return found
  }
  return 'en'
}

/** The locale given to `Intl` (dates, numbers, lists, collation) for an interface locale. */
export function intlLocale(locale: UiLocale): string {
  return locale === PSEUDO_LOCALE ? 'en' : locale
}

/**
 * The CLI's language from the environment, as gettext reads it: LC_ALL over LC_MESSAGES over LANG,
 * with GNU's LANGUAGE list (`de:fr`) first when those name a language; "C" and "POSIX" name none
 * (English). When none is set (a Windows or macOS shell often sets none), `system`, the OS's own
 * locale as the runtime reports it, is followed instead.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>, system?: string): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  if (tag === 'C' || tag === 'POSIX' || tag.startsWith('C.')) return 'en'
  if (!tag) return system ? matchLocale([system]) : 'en'
  return matchLocale([...(env.LANGUAGE ?? '').split(':').filter(Boolean), tag])
}

/**
 * A language the analyst named (`dossier --lang fr`): a tag whose language Dossier speaks
 * (`fr`, `fr-CA`, `ja_JP.UTF-8`), or null for one it does not.
 */
export function namedLocale(tag: string): Locale | null {
  const language = primaryLanguage(tag)
  return LOCALES.find((l) => l === language) ?? null
}
