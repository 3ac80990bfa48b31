import fc from 'fast-check'
import IntlMessageFormat from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import ar from './catalogs/ar'
import fr from './catalogs/fr'
import ja from './catalogs/ja'
import { createI18n, setLocale, translator } from './create-i18n'
import { intlLocale, type Locale } from './locales'
import { NAMESPACES, SOURCE_CATALOGS, type LocaleCatalogs } from './messages'
import { isPlainMessage } from './plain-messages'

const CATALOGS: Record<Locale, LocaleCatalogs> = { en: SOURCE_CATALOGS, fr, ar, ja }

/** What i18next-icu makes of a message: IntlMessageFormat with tags left as text. */
function icu(message: string, locale: string, values?: Record<string, string | number>): string {
  return String(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values))
}

describe('plain messages, handed back without the ICU parser', () => {
  it('read exactly as IntlMessageFormat reads them, in every catalog', () => {
    let plain = 0
    for (const [locale, catalogs] of Object.entries(CATALOGS)) {
      for (const ns of NAMESPACES) {
        for (const [key, message] of Object.entries(catalogs[ns])) {
          if (!isPlainMessage(message)) continue
          plain++
          expect(icu(message, intlLocale(locale as Locale), { count: 2, name: 'x' }), `${locale}/${ns}.json ${key}`).toBe(message)
        }
      }
    }
    // Most of the interface's strings are plain: the fast path is worth having.
    expect(plain).toBeGreaterThan(NAMESPACES.length * 4)
  })

  it('read as IntlMessageFormat reads any text without braces or apostrophes', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab #<>/|&"’\\\n\t=%$é日ع-'.split('')), maxLength: 40 })
    fc.assert(
      fc.property(text, (message) => {
        if (isPlainMessage(message)) expect(icu(message, 'en')).toBe(message)
      })
    )
  })

  it('are not taken for plain when they hold an argument, a plural or a quote', () => {
    for (const message of ['{name}', 'a {count, plural, one {# x} other {# y}}', "it''s", "'{'literal'}'", 'a}']) {
      expect(isPlainMessage(message), message).toBe(false)
    }
  })
})

describe('the texts a translator keeps', () => {
  it('follow the language and a catalog changed on a live instance', async () => {
    const instance = await createI18n('en')
    const t = translator(instance)
    expect(t('settings:title')).toBe('Settings')
    expect(t('settings:title')).toBe('Settings')
    await setLocale(instance, 'fr')
    expect(t('settings:title')).toBe('Réglages')
    instance.addResourceBundle('fr', 'settings', { title: 'Préférences' }, true, true)
    expect(t('settings:title')).toBe('Préférences')
    await setLocale(instance, 'en')
    expect(t('settings:title')).toBe('Settings')
  })

  it('format messages with values at each call', async () => {
    const t = translator(await createI18n('en'))
    expect(t('settings:reader.fontSizeValueText', { size: 1 })).not.toBe(t('settings:reader.fontSizeValueText', { size: 3 }))
  })
})
