import { describe, expect, it } from 'vitest'
import { exportSummary } from './export-summary'

describe('exportSummary', () => {
  it('counts a conflicted article, so the counts add up to the articles exported', () => {
    const report = { outDir: '/v', files: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'], created: 0, updated: 0, unchanged: 5, conflicts: [{}] }
    expect(exportSummary(report)).toBe('Exported 6 articles to /v: 0 new, 0 updated, 5 unchanged, 1 not overwritten.')
  })

  it('says one article, and that a cancelled export stopped', () => {
    expect(exportSummary({ outDir: '/v', files: ['a.md'], created: 1, updated: 0, unchanged: 0, conflicts: [] }, true)).toBe(
      'Exported 1 article to /v: 1 new, 0 updated, 0 unchanged, then stopped.'
    )
  })
})
