import { expect, openSample, selectInReader, showTab, test } from './dossier-fixture'

// Issue 15, item 1: the Tags field and the note editor were siblings keyed by the same highlight
// id, so React kept stale Tags fields around and only the last one's tags were saved.
test('tags typed for three highlights one after another are all saved, in one Tags field', async ({ page, app }) => {
  await openSample(page, app)
  const phrases = ['shared icebreaker schedule', 'Insurers have pushed for it quietly', 'pool four vessels']
  for (const [i, phrase] of phrases.entries()) {
    await selectInReader(page, phrase)
    await page.keyboard.press('h')
    await expect(page.locator('mark.hl')).toHaveCount(i + 1)
  }
  const list = page.getByTestId('highlight-list')
  const note = page.getByRole('region', { name: 'Note' })
  for (const [i, phrase] of phrases.entries()) {
    await showTab(page, 'Highlights')
    await list.getByRole('button', { name: new RegExp(phrase) }).click()
    await showTab(page, 'Note')
    await expect(note.locator('.note-quote-preview')).toHaveText(phrase)
    await expect(note.getByLabel('Tags')).toHaveCount(1)
    await note.getByLabel('Tags').fill(`tag${i + 1}`)
    await note.getByLabel('Tags').press('Enter')
    await showTab(page, 'Highlights')
    await expect(list.getByRole('button', { name: new RegExp(phrase) })).toContainText(`#tag${i + 1}`)
  }
  await showTab(page, 'Note')
  // ] walks them again: still one Tags field, showing each highlight's own tags.
  await page.locator('.reader-title').click()
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press(']')
    await expect(note.getByLabel('Tags')).toHaveCount(1)
  }
  await page.reload()
  await page.getByRole('button', { name: /Harbour authorities/ }).first().click()
  for (const [i, phrase] of phrases.entries()) {
    await expect(page.getByTestId('highlight-list').getByRole('button', { name: new RegExp(phrase) })).toContainText(`#tag${i + 1}`)
  }
})
