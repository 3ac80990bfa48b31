import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '../../../shared/i18n'
import { refuse } from '../../../shared/refusals'
import { ApiError } from '../api/client'
import { saveStatusText } from './save-status'

describe("the editor's save status", () => {
  // What main answers when a save meets a locked library (dispatch.ts, database-fault.ts).
  const locked = new ApiError(refuse('database.runtime', { channel: 'notebook.save', fault: 'locked' }).toInfo())

  it("says why a save failed in the analyst's language, in the line and its tooltip", async () => {
    const fr = translator(await createI18n('fr'))
    const shown = saveStatusText('failed', locked, fr, 'fr')
    expect(shown.title).not.toBeNull()
    expect(shown.title).not.toContain('holding the library locked')
    expect(shown.text).toContain(shown.title!)
    expect(shown.text).toMatch(/^Échec de l’enregistrement, nouvel essai/)
    // The pseudo-locale brackets every catalog string: nothing of main's English is left outside.
    const xa = translator(await createI18n('en-XA'))
    expect(saveStatusText('failed', locked, xa, 'en-XA').title).toMatch(/^⟦.*⟧$/)
  })

  it('in English, keeps main’s own sentence naming the call and the reason', async () => {
    const en = translator(await createI18n('en'))
    expect(saveStatusText('failed', locked, en, 'en')).toEqual({
      text: `Save failed, retrying: ${locked.message}`,
      title: locked.message
    })
    expect(saveStatusText('saved', null, en, 'en')).toEqual({ text: en('notes:status.saved'), title: null })
  })
})
