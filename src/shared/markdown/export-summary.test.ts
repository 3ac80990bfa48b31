import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '../i18n'
import { exportSummary } from './export-summary'

describe('exportSummary', () => {
  it('counts a conflicted article, so the counts add up to the articles exported', async () => {
    const t = translator(await createI18n('en'))
    const report = { outDir: '/v', files: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'], created: 0, updated: 0, unchanged: 5, conflicts: [{}] }
    expect(exportSummary(t, report)).toBe('Exported 6 articles to /v: 0 new, 0 updated, 5 unchanged, 1 not overwritten.')
  })

  it('says one article, and that a cancelled export stopped, in each language', async () => {
    const report = { outDir: '/v', files: ['a.md'], created: 1, updated: 0, unchanged: 0, conflicts: [] }
    expect(exportSummary(translator(await createI18n('en')), report, true)).toBe('Exported 1 article to /v: 1 new, 0 updated, 0 unchanged, then stopped.')
    expect(exportSummary(translator(await createI18n('fr')), report)).toBe('1 article exporté dans /v\u00a0: 1 nouveau(x), 0 mis à jour, 0 inchangé(s).')
    expect(exportSummary(translator(await createI18n('ja')), { ...report, files: ['a.md', 'b.md'], conflicts: [{}] })).toBe(
      '2 件の記事を /v に書き出しました：新規 1、更新 0、変更なし 0、上書きせず 1。'
    )
  })
})
