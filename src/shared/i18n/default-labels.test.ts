import { describe, expect, it } from 'vitest'
import { createI18n, translator } from './create-i18n'
import { shownLabelName, withShownLabelNames } from './default-labels'

const KEY_FACT = '00000000-0000-4000-8000-000000000001'
const EVIDENCE = '00000000-0000-4000-8000-000000000003'

describe('the labels a library starts with', () => {
  it('read in the interface language while they keep their seeded name', async () => {
    const fr = translator(await createI18n('fr'))
    const ja = translator(await createI18n('ja'))
    const en = translator(await createI18n('en'))
    expect(shownLabelName({ id: KEY_FACT, name: 'Key fact' }, fr)).toBe('Fait clé')
    expect(shownLabelName({ id: EVIDENCE, name: 'Evidence' }, fr)).toBe('Élément de preuve')
    expect(shownLabelName({ id: KEY_FACT, name: 'Key fact' }, ja)).toBe('重要な事実')
    expect(shownLabelName({ id: KEY_FACT, name: 'Key fact' }, en)).toBe('Key fact')
  })

  it('a label the analyst renamed or made stays as typed, in every language', async () => {
    const ar = translator(await createI18n('ar'))
    expect(shownLabelName({ id: KEY_FACT, name: 'Fait établi' }, ar)).toBe('Fait établi')
    expect(shownLabelName({ id: 'c0ffee00-0000-4000-8000-000000000000', name: 'Key fact' }, ar)).toBe('Key fact')
    const labels = [
      { id: KEY_FACT, name: 'Key fact', color: 'yellow' },
      { id: 'c0ffee00-0000-4000-8000-000000000000', name: 'Rumour', color: 'red' }
    ]
    const shown = withShownLabelNames(labels, ar)
    expect(shown.map((l) => l.name)).toEqual(['حقيقة أساسية', 'Rumour'])
    expect(shown[1]).toBe(labels[1])
    expect(shown[0]!.color).toBe('yellow')
  })
})
