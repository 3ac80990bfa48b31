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

  // A fresh page load (the address differs from the current one by more than its fragment).
  await page.goto(app.at('/'))
  await page.goto(app.at(`/highlight/${highlightId}`))
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  const opened = page.locator('mark.hl', { hasText: PASSAGE })
  await expect(opened).toBeInViewport()
  await expect(opened).toHaveAttribute('data-flash')
  await expect(opened).toHaveClass(/selected/)
  expect(await page.getByTestId('reader-text').evaluate((el) => el.closest('.reader')!.scrollTop)).toBeGreaterThan(0)

  // The article form opens the article; both still need the token.
  const articleId = await page.evaluate(async (token) => {
    const reply = await fetch('/api/library.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': token }, body: '{}' })
    return ((await reply.json()) as { value: { items: { id: string }[] } }).value.items[0]!.id
  }, app.token)
  await page.goto(app.at('/'))
  await page.goto(app.at(`/article/${articleId}`))
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  // Reloading keeps the token (in the fragment, never in a cookie or storage).
  await page.reload()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  expect(await page.evaluate(() => [document.cookie, sessionStorage.length, localStorage.getItem('dossier-token')])).toEqual(['', 0, null])

  // A tab without the token gets the page (it holds no secrets) but none of the library.
  const stranger = await browser.newPage()
  await stranger.goto(`${app.origin}/highlight/${highlightId}`)
  await expect(stranger.getByText(/open the URL Dossier printed/).first()).toBeVisible()
  await expect(stranger.locator('.reader-title')).toHaveCount(0)
  await stranger.close()
})

test('a link to a highlight that is gone says so', async ({ page, app }) => {
  await openSample(page, app)
  await page.goto(app.at('/highlight/00000000-0000-4000-8000-000000000000'))
  await expect(page.getByRole('alert')).toContainText('No highlight')
  await expect(page.locator('.reader-title')).toHaveCount(0)
})
