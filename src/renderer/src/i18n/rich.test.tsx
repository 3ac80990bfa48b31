import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '../../../shared/i18n'
import { richT } from './rich'

describe('messages with elements', () => {
  it('puts each element where the translation places it, in every language', async () => {
    for (const [locale, pattern] of [
      ['en', /^<p>Select text in the article and press <kbd>H<\/kbd>.*<kbd>1<\/kbd>–<kbd>9<\/kbd>/],
      ['ja', /<kbd>H<\/kbd>.*<kbd>1<\/kbd>–<kbd>9<\/kbd>/],
      ['en-XA', /^<p>⟦.*<kbd>H<\/kbd>.*⟧<\/p>$/]
    ] as const) {
      const t = translator(await createI18n(locale))
      const html = renderToStaticMarkup(
        <p>{richT(t, 'notes:highlights.empty', { highlightKey: <kbd>H</kbd>, labelKeys: <><kbd>1</kbd>–<kbd>9</kbd></> })}</p>
      )
      expect(html, locale).toMatch(pattern)
      expect(html).not.toMatch(/[\uE000\uE001]/)
    }
  })
})
