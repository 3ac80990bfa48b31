import { expect, openApp, test } from './dossier-fixture'

const ARTICLE = 'Grain exporters brace for a late thaw\n\nODESA — Shipping agents expect the first convoys a fortnight late this spring, after ice closed the river mouth for longer than forecast.\n\nInsurers are watching the delay closely.'

// Issue 15, item 9: Ctrl/⌘ Shift O was listed in the browser's shortcut sheet but did nothing there.
test('Ctrl/⌘ Shift O imports the clipboard’s text in the browser, where the browser allows it', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin })
  await openApp(page, app.url)
  await page.evaluate((text) => navigator.clipboard.writeText(text), ARTICLE)
  await page.locator('body').click()
  await page.keyboard.press('Control+Shift+O')
  await expect(page.locator('.reader-title')).toHaveText('Grain exporters brace for a late thaw')
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcut-sheet').locator('[data-shortcut="file.pasteImport"]')).toContainText('Ctrl/⌘ Shift O')
})

test('where the browser has no clipboard API, the sheet leaves Ctrl/⌘ Shift O off', async ({ page, app }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }))
  await openApp(page, app.url)
  await page.locator('body').click()
  await page.keyboard.press('?')
  const sheet = page.getByTestId('shortcut-sheet')
  await expect(sheet.locator('[data-shortcut="file.import"]')).toBeVisible()
  await expect(sheet.locator('[data-shortcut="file.pasteImport"]')).toHaveCount(0)
})
