import { expect, openSample, selectInReader, showTab, test } from './dossier-fixture'

// Issue 15, item 17: the small things.

test('deleting a highlight says so with Undo, as moving an article to the Trash does', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.getByRole('button', { name: 'Delete highlight' }).click()
  await expect(page.locator('mark.hl')).toHaveCount(0)
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('Highlight deleted')
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('mark.hl', { hasText: 'shared icebreaker schedule' })).toHaveCount(1)
})

test('History says what each version changed', async ({ page, app }) => {
  await openSample(page, app)
  await showTab(page, 'Notebook')
  const notebook = page.getByTestId('notebook-input')
  await notebook.click()
  await page.keyboard.type('The pact holds.')
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')
  await page.keyboard.type(' Insurers must agree first.')
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')
  await page.keyboard.press('Control+Shift+H')
  const history = page.getByTestId('history-dialog')
  const revisions = history.getByTestId('revision')
  await expect.poll(() => revisions.count()).toBeGreaterThanOrEqual(2)
  await expect(revisions.first().locator('ins')).toContainText('first.')
  const summaries = await history.locator('.revision-preview').allTextContents()
  expect(new Set(summaries).size, summaries.join(' | ')).toBe(summaries.length)
})

test('an empty Trash offers nothing to empty', async ({ page, app }) => {
  await openSample(page, app)
  await page.locator('.reader-title').click()
  await page.keyboard.press('Control+Shift+L')
  const trash = page.getByTestId('trash-dialog')
  await expect(trash.getByTestId('trash-empty')).toBeVisible()
  await expect(trash.getByRole('button', { name: /Empty Trash/ })).toHaveCount(0)
})
