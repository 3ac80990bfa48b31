import { resolve } from 'node:path'
import { expect, selectInReader, showTab, test } from './dossier-fixture'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scraped-article.txt')

test('site chrome is removed, shown on request, and can be restored without losing highlights', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles(FIXTURE)
  const text = page.getByTestId('reader-text')
  await expect(text).toContainText('Freight rates on the route rose by nearly a third')
  // Chrome is gone from the article; editorial box and caption are kept and marked.
  await expect(text).not.toContainText('LEAVE A REPLY')
  await expect(text).not.toContainText('Please enter your comment!')
  await expect(text.locator('[data-kind="editorial"]').first()).toContainText('Why We Wrote This')
  await expect(text.locator('[data-kind="caption"]')).toContainText('Bulk carriers wait at anchor')

  // Highlight a body passage before changing the blocks.
  await selectInReader(page, 'Two delegations want a rotating command')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveText('Two delegations want a rotating command')

  await page.getByTestId('toggle-removed').click()
  await page.screenshot({ path: testInfo.outputPath('removed-text-shown.png'), fullPage: true })
  const removed = page.getByTestId('removed-block').filter({ hasText: 'LEAVE A REPLY' })
  await expect(removed).toContainText(/Removed: .*comment/i)
  await removed.getByRole('button', { name: 'Restore' }).click()
  await expect(text.locator('.block-row').filter({ hasText: 'LEAVE A REPLY' })).toHaveCount(1)
  // The highlight still marks the same words after the text changed around it.
  await expect(page.locator('mark.hl')).toHaveText('Two delegations want a rotating command')

  // Removing the block holding the highlight orphans it, never moves it.
  await text.locator('.block-row').filter({ hasText: 'Two delegations want' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.locator('mark.hl')).toHaveCount(0)
  await expect(page.getByTestId('needs-attention')).toContainText('Two delegations want a rotating command')
  // Restoring it brings the highlight back onto its words.
  await page.getByTestId('removed-block').filter({ hasText: 'Two delegations want' }).getByRole('button', { name: 'Restore' }).click()
  await expect(page.locator('mark.hl')).toHaveText('Two delegations want a rotating command')
  await expect(page.getByTestId('needs-attention')).toHaveCount(0)

  // Orphan it again, then re-attach it by selecting where it belongs now.
  await text.locator('.block-row').filter({ hasText: 'Two delegations want' }).getByRole('button', { name: 'Remove' }).click()
  await showTab(page, 'Highlights')
  await page.getByTestId('needs-attention').getByRole('button', { name: /Two delegations want/ }).click()
  await selectInReader(page, 'Freight rates on the route rose')
  await page.getByRole('button', { name: 'Re-attach to the selection' }).click()
  await expect(page.locator('mark.hl')).toHaveText('Freight rates on the route rose')
  await expect(page.getByTestId('needs-attention')).toHaveCount(0)
})

test('metadata found at import can be corrected', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles(FIXTURE)
  await page.getByRole('button', { name: 'Edit details…' }).click()
  const form = page.getByRole('form', { name: 'Article details' })
  await form.getByLabel('Author').fill('Dana Whitfield')
  await form.getByLabel('Source').fill('Coastal Monitor')
  await form.getByLabel('URL').fill('https://example.org/grain-corridor')
  // The dateline is a field too; the dash that ends it in the story is not part of it.
  await form.getByLabel('Dateline').fill('ODESA, Ukraine —')
  await form.getByLabel('Published').fill('2025-02-27T08:30:00Z')
  await form.getByRole('button', { name: 'Save details' }).click()
  // One date format, the locale's, never the stored timestamp.
  const meta = page.getByTestId('reader-meta')
  await expect(meta).toHaveText(/^Dana Whitfield · Coastal Monitor · \S.*2025 · ODESA, Ukraine$/)
  await expect(meta).not.toContainText('T08:30')
  expect(await meta.textContent()).toContain(await page.evaluate(() => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date('2025-02-27T08:30:00Z'))))
  await page.reload()
  await page.getByRole('button', { name: /Grain corridor talks stall/ }).click()
  await expect(page.getByTestId('reader-meta')).toContainText('Dana Whitfield · Coastal Monitor')
  await expect(page.getByTestId('reader-meta')).toContainText('ODESA, Ukraine')

  await page.getByRole('button', { name: 'Edit details…' }).click()
  await form.getByLabel('URL').fill('javascript:alert(1)')
  await form.getByRole('button', { name: 'Save details' }).click()
  await expect(form.getByRole('alert')).toContainText('only http and https')
})
