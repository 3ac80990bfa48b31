import { expect, openApp, openSample, test } from './dossier-fixture'
import { findUntranslated, usePseudoLocale } from './untranslated'

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('the theme setting changes the colours, overrides the system, and is remembered', async ({ page, app }, testInfo) => {
  // The OS says dark: "System" follows it until the analyst chooses otherwise.
  await page.emulateMedia({ colorScheme: 'dark' })
  await openSample(page, app)
  await expect.poll(() => background(page)).toBe('rgb(27, 27, 29)')

  await page.keyboard.press('Control+,')
  const settings = page.getByTestId('settings-dialog')
  await expect(settings.getByLabel('System')).toBeChecked()
  await settings.getByLabel('Light').check()
  await expect.poll(() => background(page)).toBe('rgb(251, 250, 247)')
  const lightText = await page.evaluate(() => getComputedStyle(document.querySelector('.reader-title')!).color)
  await settings.getByRole('button', { name: 'Done' }).click()
  await page.screenshot({ path: testInfo.outputPath('theme-light.png') })

  await page.getByRole('button', { name: 'Settings' }).click()
  await settings.getByLabel('Dark').check()
  await expect.poll(() => background(page)).toBe('rgb(27, 27, 29)')
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.reader-title')!).color)).not.toBe(lightText)
  await settings.getByRole('button', { name: 'Done' }).click()
  await page.screenshot({ path: testInfo.outputPath('theme-dark.png') })

  // Stored in the library, not the browser: a restart of the app keeps it, whatever the OS says.
  await page.emulateMedia({ colorScheme: 'light' })
  await app.restart()
  await page.goto(app.url)
  await expect.poll(() => background(page)).toBe('rgb(27, 27, 29)')
})

test('the reader font size and the default export folder are settings', async ({ page, app }) => {
  await openSample(page, app)
  const readerSize = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="reader-text"]')!).fontSize)
  expect(await readerSize()).toBe('17px')

  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByTestId('settings-dialog')
  const slider = settings.getByLabel('Font size')
  await slider.focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
  await expect(settings.getByTestId('font-size-value')).toHaveText('22 px')
  await expect.poll(readerSize).toBe('22px')

  // A relative folder is refused with the reason; a full path is used by the export dialog.
  const folder = settings.getByRole('textbox', { name: 'Default export folder' })
  await folder.fill('notes/out')
  await folder.press('Enter')
  await expect(settings.getByRole('alert')).toContainText('full path')
  await folder.fill(app.dir)
  await folder.press('Enter')
  await expect(settings.getByRole('alert')).toHaveCount(0)
  // The export template is edited here too, with the same editor as the export dialog's.
  await expect(settings.getByRole('textbox', { name: 'Export template' })).toHaveValue(/\{\{title/)
  await settings.getByRole('button', { name: 'Done' }).click()

  await page.keyboard.press('Control+Shift+E')
  await expect(page.locator('input[name="outDir"]')).toHaveValue(app.dir)
})

test('the interface language follows the OS until chosen, mirrors in Arabic, and is there from the first paint', async ({ page, app }) => {
  await openSample(page, app)
  const html = page.locator('html')
  // Playwright's Chromium reports en-US: "System" means English.
  await expect(html).toHaveAttribute('lang', 'en')
  await page.keyboard.press('Control+,')
  const settings = page.getByTestId('settings-dialog')
  const language = settings.locator('select[name="locale"]')
  await expect(language).toHaveValue('system')

  await language.selectOption('fr')
  await expect(settings.getByRole('heading', { name: 'Réglages' })).toBeVisible()
  await expect(settings.getByLabel('Langue de l’interface')).toHaveValue('fr')
  await expect(html).toHaveAttribute('lang', 'fr')
  await expect(html).toHaveAttribute('dir', 'ltr')

  await language.selectOption('ar')
  await expect(settings.getByRole('heading', { name: 'الإعدادات' })).toBeVisible()
  await expect(html).toHaveAttribute('dir', 'rtl')

  // Remembered in the library and applied before the window paints.
  await app.restart()
  await page.goto(app.url)
  await expect(html).toHaveAttribute('dir', 'rtl')
  await expect(html).toHaveAttribute('lang', 'ar')
  await page.keyboard.press('Control+,')
  await language.selectOption('system')
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(html).toHaveAttribute('dir', 'ltr')
})

test('in the pseudo-locale every string of Settings comes from a catalog', async ({ page, app }) => {
  await openApp(page, app.url)
  await usePseudoLocale(page, app)
  await page.keyboard.press('Control+,')
  await page.getByTestId('settings-dialog').waitFor()
  expect(await findUntranslated(page, { within: '[data-testid="settings-dialog"]' })).toEqual([])
})
