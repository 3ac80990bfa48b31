import { SHORTCUTS } from '../../src/shared/shortcuts'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

test('the shortcut sheet lists the shortcuts, and the keys it lists work', async ({ page, app }) => {
  await openSample(page, app)
  await page.locator('.reader-title').click()

  await page.keyboard.press('?')
  const sheet = page.getByTestId('shortcut-sheet')
  await expect(sheet).toBeVisible()
  const highlightRow = sheet.locator('[data-shortcut="reader.highlight"]')
  await expect(highlightRow).toContainText('Highlight the selection with the first label')
  const highlightKey = (await highlightRow.locator('kbd').first().textContent())!.trim()
  const nextKey = (await sheet.locator('[data-shortcut="highlight.next"] kbd').first().textContent())!.trim()
  await expect(sheet.locator('[data-shortcut="file.export"]')).toContainText('Ctrl/⌘ Shift E')
  await expect(sheet.locator('[data-shortcut]')).toHaveCount(SHORTCUTS.length)
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  // Press the keys as the sheet writes them.
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press(highlightKey.toLowerCase())
  const mark = page.locator('mark.hl', { hasText: 'shared icebreaker schedule' })
  await expect(mark).toHaveCount(1)
  await page.locator('.reader-title').click()
  await page.keyboard.press(nextKey)
  await expect(mark).toHaveClass(/selected/)

  // Ctrl+/ opens the sheet too, and the export shortcut it lists opens the export dialog.
  await page.keyboard.press('Control+/')
  await expect(sheet).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Shift+E')
  await expect(page.getByRole('dialog', { name: /export/i })).toBeVisible()
})

test('single-key shortcuts stay out of the way while typing', async ({ page, app }) => {
  await openSample(page, app)
  const tags = page.getByLabel('Article tags')
  await tags.click()
  await page.keyboard.type('h?]')
  await expect(tags).toHaveValue('h?]')
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0)
  await expect(page.locator('mark.hl')).toHaveCount(0)
})
