import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '../../../shared/i18n'
import { ApiError } from './client'
import { describeError, ShownError } from './error-message'

describe('errors in the analyst’s language', () => {
  it('leads with the code’s message and keeps main’s English words as the detail', async () => {
    const t = translator(await createI18n('fr'))
    const shown = describeError(new ApiError({ code: 'not_found', message: 'No article with id 42.' }), t, 'fr')
    expect(shown.message).toBe(t('errors:not_found'))
    expect(shown.message).not.toMatch(/article with id/)
    expect(shown.detail).toBe('No article with id 42.')
  })

  it('shows a message the renderer worded itself as it is, in every language', async () => {
    const t = translator(await createI18n('ja'))
    const worded = t('library:password.wrong')
    expect(describeError(new ShownError(worded), t, 'ja')).toEqual({ message: worded, detail: null })
  })
})
