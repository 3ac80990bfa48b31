import type { Page } from '@playwright/test'
import { expect, openSample, test } from './dossier-fixture'

/** Pastes an article's text with no editor focused, as Ctrl/⌘ V does. */
async function pasteArticle(page: Page, title: string, paragraphs = 3): Promise<void> {
  const body = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} of ${title}: shipping agents expect the first convoys a fortnight late this spring, after ice closed the river mouth for longer than forecast.`)
  const text = `${title}\n\nODESA — ${body.join('\n\n')}`
  await page.evaluate((t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  }, text)
  await expect(page.locator('.reader-title')).toHaveText(title)
  // The library lists it (newest first) a moment after the reader opens it: a row clicked before
  // then would move down under the pointer, and the click would open the row that took its place.
  await expect(page.getByTestId('article-list').locator('.article-item').first()).toContainText(title)
}

// Issue 15, item 10: the reader kept the previous article's scroll position.
test('a newly opened article starts at its top, not where the last one was scrolled to', async ({ page, app }) => {
  await openSample(page, app)
  await pasteArticle(page, 'Grain convoys wait for the thaw', 60)
  const reader = page.locator('article.reader')
  await reader.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect.poll(() => reader.evaluate((el) => el.scrollTop)).toBeGreaterThan(500)
  await page.getByTestId('article-list').getByRole('button', { name: /Harbour authorities/ }).click()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  expect(await reader.evaluate((el) => el.scrollTop)).toBe(0)
  await expect(page.locator('.reader-title')).toBeInViewport()
})

// Issue 15, item 11: after an import the library's keyboard row was another article than the open one.
test('after an import the library’s keyboard cursor is on the new article, and ↓ goes to the next row', async ({ page, app }) => {
  await openSample(page, app)
  await pasteArticle(page, 'Second article on the ice pact')
  await pasteArticle(page, 'Third article on the ice pact')
  const list = page.getByTestId('article-list')
  // Newest first: Third, Second, the sample. Click the third row, then paste another article.
  await list.getByRole('button', { name: /Harbour authorities/ }).click()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  await pasteArticle(page, 'Fourth article on the ice pact')
  await expect(list.locator('.article-item.active')).toContainText('Fourth article on the ice pact')
  await expect(list.locator('.article-item.selected')).toContainText('Fourth article on the ice pact')
  await list.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('.reader-title')).toHaveText('Third article on the ice pact')
  await expect(list.locator('.article-item.active')).toContainText('Third article on the ice pact')
})
