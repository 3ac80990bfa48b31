import { createI18n, translator } from '../../src/shared/i18n/create-i18n'
import type { UiLocale } from '../../src/shared/i18n/locales'
import type { Translate } from '../../src/shared/i18n/messages'

/** A small CSL note style (the bundled Chicago style takes seconds to load); `prefix` starts each note. */
const style = (title: string, prefix: string) => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>${title}</title><id>${title.toLowerCase().replace(/\W+/g, '-')}</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix="."><group delimiter=", "><text variable="title" prefix="${prefix}"/><text variable="container-title"/><text variable="locator"/></group></layout></citation>
</style>`

/** Two small styles that write different notes, so a switch between them shows in every footnote. */
export const STYLES = [style('Style A', 'A: '), style('Style B', 'B: ')]

const words = new Map<UiLocale, Translate>()

/** The export's words in `locale`, loaded once per test file. */
export async function wordsIn(locale: UiLocale): Promise<Translate> {
  let t = words.get(locale)
  if (!t) words.set(locale, (t = translator(await createI18n(locale))))
  return t
}
