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
  await expect(text).toContainText('Harbour dues will be reviewed in spring <3 months from now.')
  await expect(text).not.toContainText('__dossierPwned')
  await expect(page.locator('.reader-meta')).toContainText('Harbour Weekly')
  expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: string }).__dossierPwned)).toBeUndefined()
  expect(await page.locator('.reader iframe, .reader script, .reader img, .reader object, .reader embed, .reader style, .reader form').count()).toBe(0)
  // Links that survive sanitizing point only to the web, never to script.
  for (const href of await page.locator('.reader a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^https?:/)
  }
  expect(app.foreignRequests).toEqual([])
  // The built page carries the policy itself too, as it must under Electron's file:// loading.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META)
})

test('a page with no article is refused with an offer to import its whole text', async ({ page, app }) => {
  await page.goto(app.url)
  // A section index: nearly all of its text is links to other pages.
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="https://example.org/section-${i}">Harbour section number ${i}</a></li>`).join('')
  const html = `<!doctype html><html><head><title>Harbour Weekly — Sections</title></head><body><div class="index"><ul>${links}</ul></div><p>Choose a section.</p></body></html>`
  await page.getByTestId('import-input').setInputFiles({ name: 'sections.html', mimeType: 'text/html', buffer: Buffer.from(html) })
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('sections.html: no article text was found on this page')
  await expect(page.getByTestId('library-empty')).toBeVisible()
  await report.getByRole('button', { name: 'Import its whole text instead' }).click()
  await expect(page.getByTestId('import-report')).toContainText('Imported')
  await expect(page.getByTestId('reader-text')).toContainText('Harbour section number 7')
  await expect(page.getByTestId('reader-text')).toContainText('Choose a section.')
})
