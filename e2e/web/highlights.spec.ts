import { expect, openSample, selectInReader, showTab, test } from './dossier-fixture'

test('labels by number keys, moving with [ and ], N for the note, Delete and undo', async ({ page, app }) => {
  await openSample(page, app)

  // H uses the first label (Key fact, yellow); 2 the second (Claim, blue).
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  // Wait for the reader to draw the mark before selecting again: the redraw replaces the text nodes.
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await selectInReader(page, 'Insurers have pushed for it quietly')
  await page.keyboard.press('2')
  const first = page.locator('mark.hl', { hasText: 'shared icebreaker schedule' })
  const second = page.locator('mark.hl', { hasText: 'Insurers have pushed for it quietly' })
  await expect(first).toHaveClass(/c-yellow/)
  await expect(second).toHaveClass(/c-blue/)
  await expect(page.getByTestId('highlight-list')).toContainText('Claim')

  // Filter the panel by label.
  await showTab(page, 'Highlights')
  await page.getByLabel('Show highlights with label').selectOption({ label: 'Claim' })
  await expect(page.getByTestId('highlight-list').locator('li')).toHaveCount(1)
  await page.getByLabel('Show highlights with label').selectOption({ label: 'All labels' })

  // ] and [ walk the highlights in reading order.
  await page.locator('.reader-title').click()
  await page.keyboard.press(']')
  await expect(first).toHaveClass(/selected/)
  await page.keyboard.press(']')
  await expect(second).toHaveClass(/selected/)
  await page.keyboard.press('[')
  await expect(first).toHaveClass(/selected/)

  // N opens the note of the selected highlight, ready for typing.
  await page.keyboard.press('n')
  await expect(page.getByTestId('note-input')).toBeFocused()
  await page.keyboard.type('Who pays for the pool?')
  await expect(page.getByTestId('save-status')).toHaveText('Saved')
  // The panel previews the note under its quote once the save is in.
  await page.locator('.reader-title').click()
  await expect(page.getByTestId('highlight-list')).toContainText('Who pays for the pool?')

  // Delete removes the highlight; Ctrl/Cmd+Z brings it back with its note.
  await page.locator('.reader-title').click()
  await first.click()
  await page.keyboard.press('Delete')
  await expect(page.locator('mark.hl', { hasText: 'shared icebreaker schedule' })).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(first).toBeVisible()
  await first.click()
  await expect(page.getByTestId('note-input')).toContainText('Who pays for the pool?')
})

test('overlapping highlights each stay clickable, and relabelling shows in the reader', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'would pool four vessels and let any signatory call on the nearest one')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await selectInReader(page, 'any signatory')
  await page.keyboard.press('5')
  // The inner highlight is drawn in its own colour over the outer one.
  const inner = page.locator('mark.hl', { hasText: /^any signatory$/ })
  await expect(inner).toHaveClass(/c-red/)
  await expect(inner).toHaveClass(/depth-2/)
  await inner.click()
  const labelSelect = page.locator('.label-select select')
  await expect(labelSelect.locator('option:checked')).toHaveText('Contradiction')
  await expect(page.locator('.note-quote-preview')).toHaveText('any signatory')
  await page.locator('mark.hl', { hasText: 'would pool four vessels' }).click()
  await expect(page.locator('.note-quote-preview')).toHaveText('would pool four vessels and let any signatory call on the nearest one')

  // Relabel the outer highlight from the notes pane; the reader's colour follows.
  await labelSelect.selectOption({ label: 'Evidence' })
  await expect(page.locator('mark.hl', { hasText: 'would pool four vessels' })).toHaveClass(/c-green/)
})

test('labels can be added, recoloured (the reader follows) and deleted, moving their highlights', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'Critics say the pact favours the larger ports')
  await page.keyboard.press('2')
  const mark = page.locator('mark.hl', { hasText: 'Critics say the pact favours the larger ports' })
  await expect(mark).toHaveClass(/c-blue/)

  await page.getByRole('button', { name: 'Labels…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Labels' })
  await dialog.getByLabel('Colour of Claim').selectOption('orange')
  await expect(mark).toHaveClass(/c-orange/)

  await dialog.getByLabel('New label name').fill('Source check')
  await dialog.getByRole('button', { name: 'Add label' }).click()
  await expect(dialog.getByTestId('label-row')).toHaveCount(6)
  await dialog.getByLabel('New label name').fill('claim')
  await dialog.getByRole('button', { name: 'Add label' }).click()
  await expect(dialog.getByRole('alert')).toContainText('already exists')

  // Deleting Claim asks where its highlights go; they move to Evidence.
  await dialog.getByTestId('label-row').filter({ has: page.getByLabel('Colour of Claim') }).getByRole('button', { name: 'Delete…' }).click()
  await dialog.getByLabel('Move highlights to').selectOption({ label: 'Evidence' })
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(dialog.getByTestId('label-row')).toHaveCount(5)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(mark).toHaveClass(/c-green/)
  await expect(page.getByTestId('highlight-list')).toContainText('Evidence')
})

test('the selection toolbar highlights with a label, and tags go on highlights and articles', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'Meteorologists expect a colder season')
  const toolbar = page.getByTestId('selection-toolbar')
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('button', { name: 'Question' }).click()
  await expect(page.locator('mark.hl', { hasText: 'Meteorologists expect a colder season' })).toHaveClass(/c-purple/)
  await expect(toolbar).toBeHidden()

  await page.getByLabel('Tags', { exact: true }).fill('weather, #Baltic')
  await page.getByLabel('Tags', { exact: true }).press('Enter')
  await expect(page.getByTestId('highlight-list')).toContainText('#Baltic #weather')
  await page.getByLabel('Article tags').fill('ports, Baltic')
  await page.getByLabel('Article tags').press('Enter')
  await page.reload()
  await page.getByRole('button', { name: /Harbour authorities/ }).click()
  await expect(page.getByLabel('Article tags')).toHaveValue('Baltic, ports')
  await expect(page.getByTestId('highlight-list')).toContainText('#Baltic #weather')
})

test('re-importing a newer version keeps the highlights on their words', async ({ page, app }) => {
  const v1 = 'Customs queue at the eastern border\n\nTrucks waited up to nine hours at the eastern crossing on Monday, drivers said.\n\nThe customs office blamed a software fault that slowed every inspection.'
  const v2 = 'Customs queue at the eastern border\n\nUPDATED 18:00\n\nTrucks waited up to nine hours at the eastern crossing on Monday, drivers said.\n\nThe customs office blamed a software fault that slowed every inspection, and said it was fixed by evening.'
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles({ name: 'customs.txt', mimeType: 'text/plain', buffer: Buffer.from(v1) })
  await expect(page.getByTestId('reader-text')).toContainText('blamed a software fault')
  await selectInReader(page, 'blamed a software fault')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveText('blamed a software fault')
  await page.getByTestId('import-input').setInputFiles({ name: 'customs-updated.txt', mimeType: 'text/plain', buffer: Buffer.from(v2) })
  await expect(page.getByTestId('import-report')).toContainText('Updated to a newer version')
  await expect(page.getByTestId('reader-text')).toContainText('said it was fixed by evening')
  await expect(page.locator('mark.hl')).toHaveText('blamed a software fault')
  await expect(page.getByTestId('article-list').locator('li')).toHaveCount(1)
})
