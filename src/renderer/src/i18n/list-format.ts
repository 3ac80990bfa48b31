const formats = new Map<string, Intl.ListFormat>()

/** "A, B and C" in the interface locale (`useLocale().intl`): lists are never joined by hand. */
export function listFormat(intl: string): Intl.ListFormat {
  let format = formats.get(intl)
  if (!format) formats.set(intl, (format = new Intl.ListFormat(intl, { type: 'conjunction' })))
  return format
}
