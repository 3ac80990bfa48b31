import i18next, { type i18n } from 'i18next'
import ICU from 'i18next-icu'
import { intlLocale, PSEUDO_LOCALE, type UiLocale } from './locales'
import { NAMESPACES, SOURCE_CATALOGS, type LocaleCatalogs, type MessageKey, type MessageValues, type Translate } from './messages'
import { cachedText, plainMessagesAsIs } from './plain-messages'
import { pseudoCatalogs } from './pseudo'

/**
 * Catalogs other than English load on demand, so the first paint parses one language; a
 * bundler splits each into its own chunk.
 */
const LOADERS: Readonly<Record<Exclude<UiLocale, 'en'>, () => Promise<LocaleCatalogs>>> = {
  fr: async () => (await import('./catalogs/fr')).default,
  ar: async () => (await import('./catalogs/ar')).default,
  ja: async () => (await import('./catalogs/ja')).default,
  [PSEUDO_LOCALE]: async () => pseudoCatalogs(SOURCE_CATALOGS)
}

async function catalogsFor(locale: UiLocale): Promise<LocaleCatalogs> {
  return locale === 'en' ? SOURCE_CATALOGS : LOADERS[locale]()
}

/**
 * An i18next instance reading ICU messages (plurals, selects, numbers and dates formatted by
 * `Intl` for the locale), with English as the fallback for a key a translation lacks. Each
 * caller gets its own instance: the renderer one, the Electron menu one, each CLI run one.
 */
export async function createI18n(locale: UiLocale): Promise<i18n> {
  const instance = i18next.createInstance()
  instance.use(
    plainMessagesAsIs(
      new ICU({
        parseLngForICU: (lng: string) => intlLocale(lng as UiLocale),
        // A broken translation shows the English message rather than raw ICU syntax.
        parseErrorHandler: (_err, key) => String(instance.getFixedT('en')(key))
      })
    )
  )
  await instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'common',
    keySeparator: false,
    nsSeparator: ':',
    resources: { en: SOURCE_CATALOGS },
    interpolation: { escapeValue: false },
    returnNull: false
  })
  await setLocale(instance, locale)
  return instance
}

/** Switches an instance's language, loading the catalogs first if they are not loaded yet. */
export async function setLocale(instance: i18n, locale: UiLocale): Promise<void> {
  if (!instance.hasResourceBundle(locale, 'common')) {
    const catalogs = await catalogsFor(locale)
    for (const ns of NAMESPACES) instance.addResourceBundle(locale, ns, catalogs[ns], true, true)
  }
  await instance.changeLanguage(locale)
}

/** A typed `t` over an instance: only keys of the English catalogs are accepted. */
export function translator(instance: i18n): Translate {
  return (key: MessageKey, values?: MessageValues) =>
    values === undefined ? cachedText(instance, key, () => instance.t(key) as string) : (instance.t(key, values as Record<string, unknown>) as string)
}
