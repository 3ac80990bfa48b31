import { resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY_META } from '../../src/shared/csp'
import { expect, test } from './dossier-fixture'

test('pasting an article into the library imports it', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('library-empty')).toBeVisible()
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Pasted headline about ferry tariffs\n\nThe ferry operator raised tariffs by four percent.')
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(page.locator('.reader-title')).toHaveText('Pasted headline about ferry tariffs')
  await expect(page.getByTestId('reader-text')).toHaveText('The ferry operator raised tariffs by four percent.')
  await expect(page.getByTestId('article-list')).toContainText('Pasted headline about ferry tariffs')
})

test('a hostile HTML page imports as text and runs nothing', async ({ page, app }) => {
  await page.goto(app.url)
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await page.getByTestId('import-input').setInputFiles(resolve(import.meta.dirname, '../fixtures/hostile.html'))
  await expect(page.locator('.reader-title')).toHaveText('Port authority report')
  const text = page.getByTestId('reader-text')
  await expect(text).toContainText('The authority published its annual figures on Monday.')
  await expect(text).toContainText('Tonnage rose slightly while passenger traffic fell.')
  await expect(text).not.toContainText('__dossierPwned')
  await expect(page.locator('.reader-meta')).toContainText('Harbour Weekly')
  expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: string }).__dossierPwned)).toBeUndefined()
  expect(await page.locator('.reader iframe, .reader script, .reader img, .reader a').count()).toBe(0)
  expect(app.foreignRequests).toEqual([])
  // The built page carries the policy itself too, as it must under Electron's file:// loading.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META)
})
