import type { Page } from '@playwright/test'
import { expect, openSample, test } from './dossier-fixture'

const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

// Issue 15, item 5: in the reader, Shift+Arrow and Shift+End selected nothing and Ctrl+A selected
// the whole page, so highlighting needed a mouse.
test('a keyboard reading cursor moves by paragraph and sentence, selects by word, and H or 1–9 highlights', async ({ page, app }) => {
  await openSample(page, app)
  const text = page.getByTestId('reader-text')
  await text.focus()
  const cursorRow = page.locator('.block-row.reading-cursor')

  // ↓ walks the paragraphs until the one about the draft agreement.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown')
    if (((await cursorRow.textContent()) ?? '').includes('The draft agreement')) break
  }
  await expect(cursorRow).toContainText('The draft agreement')

  // → to its second sentence, then Shift → six words, and 2 highlights them with the second label.
  await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight')
  expect(await selected(page)).toBe('Insurers have pushed for it quietly')
  await page.keyboard.press('2')
  const mark = page.locator('mark.hl', { hasText: 'Insurers have pushed for it quietly' })
  await expect(mark).toHaveClass(/c-blue/)
  await expect(page.getByTestId('highlight-list')).toContainText('Insurers have pushed for it quietly')

  // ← ← back two sentences; Shift ↓ selects the sentence; Shift ← takes a word off its end.
  await expect(text).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Shift+ArrowDown')
  expect(await selected(page)).toBe('The draft agreement, seen by this newspaper, would pool four vessels and let any signatory call on the nearest one.')
  await page.keyboard.press('Shift+ArrowLeft')
  expect(await selected(page)).toBe('The draft agreement, seen by this newspaper, would pool four vessels and let any signatory call on the nearest ')

  // Shift End: to the end of the paragraph. Ctrl+A: the paragraph, never the whole page.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Shift+End')
  const paragraph = ((await cursorRow.textContent()) ?? '').trim()
  expect(await selected(page)).toBe(paragraph)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Control+a')
  const all = await selected(page)
  expect(all).toContain('Critics say the pact favours the larger ports')
  expect(all).not.toContain('Harbour authorities weigh')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl', { hasText: 'Critics say the pact' })).toHaveClass(/c-yellow/)
})

test('marks are reachable by keyboard and say their label and quote', async ({ page, app }) => {
  await openSample(page, app)
  const text = page.getByTestId('reader-text')
  await text.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)

  // One tab stop among the marks, named by the label and the words.
  await text.focus()
  await page.keyboard.press('Tab')
  const mark = page.locator('mark.hl').first()
  await expect(mark).toBeFocused()
  await expect(mark).toHaveAccessibleName(/^Key fact: \S+/)
  await expect(mark).toHaveAttribute('role', 'button')
})

// Issue 15, item 17: the Highlight button with nothing selected did nothing and said nothing.
test('Highlight with nothing selected says what to do', async ({ page, app }) => {
  await openSample(page, app)
  await page.getByRole('button', { name: /^Highlight/ }).click()
  await expect(page.getByTestId('highlight-hint')).toContainText('Nothing is selected')
  await expect(page.locator('mark.hl')).toHaveCount(0)
})
