import { expect, openSample, selectInReader, test } from './dossier-fixture'

const PASSAGE = 'A decision on the pact is due before the end of the month'

test('opening /highlight/<id> opens its article scrolled to the passage, flashed', async ({ page, app, browser }) => {
  // A short window, so the passage at the end of the article starts out of sight.
  await page.setViewportSize({ width: 1100, height: 420 })
  await openSample(page, app)
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  const mark = page.locator('mark.hl', { hasText: PASSAGE })
  await expect(mark).toHaveCount(1)
  const highlightId = (await mark.getAttribute('data-highlight-ids'))!.split(' ')[0]!

  await page.goto(`${app.origin}/highlight/${highlightId}`)
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  const opened = page.locator('mark.hl', { hasText: PASSAGE })
  await expect(opened).toBeInViewport()
  await expect(opened).toHaveAttribute('data-flash')
  await expect(opened).toHaveClass(/selected/)
  expect(await page.getByTestId('reader-text').evaluate((el) => el.closest('.reader')!.scrollTop)).toBeGreaterThan(0)

  // The article form opens the article; both still need the token.
  const articleId = await page.evaluate(async () => {
    const reply = await fetch('/api/library.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    return ((await reply.json()) as { value: { items: { id: string }[] } }).value.items[0]!.id
  })
  await page.goto(`${app.origin}/`)
  await page.goto(`${app.origin}/article/${articleId}`)
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')

  const stranger = await browser.newPage()
  const refused = await stranger.goto(`${app.origin}/highlight/${highlightId}`)
  expect(refused?.status()).toBe(401)
  await stranger.close()
})

test('a link to a highlight that is gone says so', async ({ page, app }) => {
  await openSample(page, app)
  await page.goto(`${app.origin}/highlight/00000000-0000-4000-8000-000000000000`)
  await expect(page.getByRole('alert')).toContainText('No highlight')
  await expect(page.locator('.reader-title')).toHaveCount(0)
})
