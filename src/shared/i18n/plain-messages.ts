import type { i18n } from 'i18next'

/**
 * A message with no brace and no apostrophe holds no ICU syntax: no argument, plural or select,
 * and no quoting (an apostrophe only quotes before a brace, and `''` stands for one; tags are
 * not parsed, i18next-icu sets `ignoreTag`). IntlMessageFormat would hand it back unchanged, so
 * it is handed back without being parsed. Two thirds of the catalogs' messages are plain, and
 * parsing each at its first use was a quarter of the window's first render (decision 0049).
 */
export function isPlainMessage(message: string): boolean {
  return !ICU_SYNTAX.test(message)
}
const ICU_SYNTAX = /[{}']/

/** What i18next calls on an `i18nFormat` module (i18next-icu's typings leave it out). */
interface MessageFormatter {
  parse(res: unknown, ...rest: unknown[]): unknown
}

/** i18next-icu with plain messages answered as they are; every other message goes through it. */
export function plainMessagesAsIs<T extends object>(icu: T): T {
  const formatter = icu as T & MessageFormatter
  const parse = formatter.parse.bind(formatter)
  formatter.parse = (res, ...rest) => (typeof res === 'string' && isPlainMessage(res) ? res : parse(res, ...rest))
  return icu
}

/**
 * The text of each key asked without values, per instance, language and key: i18next's lookup
 * (namespace, fallback language, options) runs once per key instead of at every render of every
 * component that shows it. Dropped when the instance's catalogs change.
 */
const plainTexts = new WeakMap<i18n, Map<string, string>>()

export function cachedText(instance: i18n, key: string, lookUp: () => string): string {
  let texts = plainTexts.get(instance)
  if (!texts) {
    // Before init there is no store to watch, so nothing is kept.
    if (!instance.store) return lookUp()
    const kept = new Map<string, string>()
    instance.store.on('added', () => kept.clear())
    instance.store.on('removed', () => kept.clear())
    plainTexts.set(instance, kept)
    texts = kept
  }
  const id = `${instance.language}\u0000${key}`
  let text = texts.get(id)
  if (text === undefined) {
    text = lookUp()
    texts.set(id, text)
  }
  return text
}
