import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createI18n, translator } from './create-i18n'
import { directionOf, localeFromEnv, matchLocale, namedLocale } from './locales'
import { pseudoMessage, PSEUDO_CLOSE, PSEUDO_OPEN } from './pseudo'

describe('choosing the interface language', () => {
  it('takes the first preferred language Dossier speaks, by language, else English', () => {
    expect(matchLocale(['de-DE', 'fr-CA', 'en-US'])).toBe('fr')
    expect(matchLocale(['ar-EG'])).toBe('ar')
    expect(matchLocale(['ja_JP.UTF-8'])).toBe('ja')
    expect(matchLocale(['de', 'ru'])).toBe('en')
    expect(matchLocale([])).toBe('en')
  })

  it('reads the CLI language from LC_ALL, LC_MESSAGES and LANG in that order', () => {
    expect(localeFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr')
    expect(localeFromEnv({ LANG: 'fr_FR.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja')
    expect(localeFromEnv({ LANG: 'C' })).toBe('en')
    expect(localeFromEnv({})).toBe('en')
    // GNU's LANGUAGE list comes first, the first language Dossier speaks winning; not under C.
    expect(localeFromEnv({ LANG: 'en_US.UTF-8', LANGUAGE: 'de:ar:fr' })).toBe('ar')
    expect(localeFromEnv({ LANG: 'C.UTF-8', LANGUAGE: 'fr' })).toBe('en')
    // No variable set (a Windows shell): the system's locale; C still means English.
    expect(localeFromEnv({}, 'fr-FR')).toBe('fr')
    expect(localeFromEnv({ LANG: 'C' }, 'fr-FR')).toBe('en')
    expect(namedLocale('ja_JP.UTF-8')).toBe('ja')
    expect(namedLocale('de')).toBeNull()
  })

  it('mirrors right-to-left languages only', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('he-IL')).toBe('rtl')
    expect(directionOf('fa')).toBe('rtl')
    expect(directionOf('fr')).toBe('ltr')
    expect(directionOf('en-XA')).toBe('ltr')
  })
})

describe('messages', () => {
  it('formats plurals and numbers by the locale’s own rules', async () => {
    const ar = translator(await createI18n('ar'))
    expect(ar('settings:reader.fontSizeValueText', { size: 2 })).toBe('بكسلان')
    expect(ar('settings:reader.fontSizeValueText', { size: 3 })).toBe(`${new Intl.NumberFormat('ar').format(3)} بكسلات`)
    const fr = translator(await createI18n('fr'))
    expect(fr('settings:reader.fontSizeValueText', { size: 1 })).toBe('1 pixel')
    expect(fr('settings:title')).toBe('Réglages')
    const ja = translator(await createI18n('ja'))
    expect(ja('settings:reader.fontSizeValueText', { size: 17 })).toBe('17ピクセル')
  })

  it('changes language on a live instance', async () => {
    const { setLocale } = await import('./create-i18n')
    const instance = await createI18n('en')
    const t = translator(instance)
    expect(t('settings:title')).toBe('Settings')
    await setLocale(instance, 'ja')
    expect(t('settings:title')).toBe('設定')
  })
})

describe('the pseudo-locale', () => {
  const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.’…]{0,30}$/)

  it('accents every letter, lengthens and brackets, and keeps the message’s arguments working', async () => {
    await fc.assert(
      fc.property(words, words, (before, after) => {
        const message = `${before} {count, plural, one {# ${after}} other {# ${after}s}} {name}`
        const pseudo = pseudoMessage(message)
        expect(pseudo.startsWith(PSEUDO_OPEN) && pseudo.endsWith(PSEUDO_CLOSE)).toBe(true)
        // Outside the arguments no ASCII letter is left: a plain English word on screen is a string left in the code.
        expect(pseudo.replace(/\{(count|name)\b/g, '').replace(/\b(plural|one|other)\b/g, '')).not.toMatch(/[A-Za-z]/)
        expect(pseudo.length).toBeGreaterThanOrEqual(message.length)
      })
    )
    const t = translator(await createI18n('en-XA'))
    const text = t('settings:reader.fontSizeValueText', { size: 3 })
    expect(text).toMatch(/^⟦3 þíẋéĺš·+⟧$/)
  })
})
