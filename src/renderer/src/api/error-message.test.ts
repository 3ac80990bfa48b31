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

  it('words main’s reason in the language when main gives one, naming the file and the reason', async () => {
    const err = new ApiError({
      code: 'too_large',
      message: 'scan.pdf: the file is 61.0 MB; Dossier imports files up to 50 MB.',
      reason: { id: 'import.too_large', values: { file: 'scan.pdf', sizeMb: 61, limitMb: 50 } }
    })
    const fr = translator(await createI18n('fr'))
    expect(describeError(err, fr, 'fr')).toEqual({ message: 'scan.pdf\u00a0: le fichier fait 61,0\u00a0Mo\u202f; Dossier importe des fichiers jusqu’à 50\u00a0Mo.', detail: null })
    const en = translator(await createI18n('en'))
    expect(describeError(err, en, 'en').message).toBe(err.message)
  })

  it('words the web page’s own connection failures in the language', async () => {
    const ja = translator(await createI18n('ja'))
    const err = new ApiError({ code: 'internal', message: 'Dossier is not reachable: is `npm run web` still running?', reason: { id: 'web.unreachable', values: {} } })
    expect(describeError(err, ja, 'ja')).toEqual({ message: 'Dossier に接続できません。`npm run web` はまだ実行中ですか？', detail: null })
  })
})
