import { describe, expect, it } from 'vitest'
import { CHROME } from '../../../shared/cleaning/chrome-rules'
import { METADATA } from '../../../shared/cleaning/metadata-lines'
import { createI18n, translator } from '../../../shared/i18n'
import { RUNNING_REASONS } from '../../../shared/pdf/running-heads'
import { removedReason } from './removed-reason'

describe('why a block was removed, in the interface language', () => {
  it('says every reason cleaning writes in English as cleaning wrote it, and in French in French', async () => {
    const en = translator(await createI18n('en'))
    const fr = translator(await createI18n('fr'))
    const reasons = [...Object.values(CHROME), ...Object.values(METADATA), RUNNING_REASONS.pageNumber, RUNNING_REASONS.header(3), RUNNING_REASONS.footer(12), 'removed by you']
    for (const reason of reasons) {
      expect(removedReason(reason, en)).toBe(reason)
      // "source" is French too.
      if (reason !== METADATA.source) expect(removedReason(reason, fr), reason).not.toBe(reason)
    }
    expect(removedReason(RUNNING_REASONS.header(3), fr)).toBe('en-tête courant (sur 3 pages)')
  })

  it('shows a reason it does not know as stored', async () => {
    expect(removedReason('hand-written reason', translator(await createI18n('ja')))).toBe('hand-written reason')
  })
})
