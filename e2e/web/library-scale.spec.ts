import { expect, test } from './dossier-fixture'
import { libraryTemplate } from './library-template'

/** 10,000 articles written straight into a database (as a long-used library has them), not imported. */
test.beforeEach(async ({ app }) => {
  await app.useDatabase(libraryTemplate('library-10k', { articles: 10_000, highlightsPerArticle: 0, words: 30, documents: true, numberedTitles: true }))
})

test('a library of 10,000 articles keeps only the visible rows in the page, and scrolls to any of them', async ({ page, app }) => {
  const asked: string[] = []
  page.on('request', (request) => {
    const channel = /^\/api\/(.+)$/.exec(new URL(request.url()).pathname)?.[1]
    if (channel) asked.push(channel)
  })
  await page.goto(app.url)
  const list = page.getByTestId('article-list')
  await expect(page.getByTestId('library-count')).toHaveText('10,000')
  await expect(list.locator('li').first()).toContainText('Article 10000')
  // The start's reads go out together before the first render, and each once: the list's first
  // page and the settings are not asked again when the window renders (app/start-calls.ts).
  expect(asked.filter((c) => c === 'library.query')).toEqual(['library.query'])
  expect(asked.filter((c) => c === 'settings.get')).toEqual(['settings.get'])
  expect(asked.slice(0, 2)).toEqual(['settings.get', 'library.query'])
  const rows = list.locator('li')
  const shown = await rows.count()
  expect(shown).toBeGreaterThan(5)
  expect(shown).toBeLessThan(60)

  // Scroll through the middle and to the end: rows are filled in, and the DOM stays small.
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    await list.evaluate((el, f) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * f }), fraction)
    await expect(list.locator('li .article-title.loading')).toHaveCount(0)
    expect(await rows.count()).toBeLessThan(60)
  }
  await expect(list).toContainText('Article 00001')

  // Export's article picker pages through the library too, rather than stopping at its first rows.
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await dialog.getByLabel(/Chosen articles/).check()
  const picker = dialog.getByRole('list', { name: 'Articles to export' })
  await expect(picker.getByRole('checkbox')).toHaveCount(200)
  await picker.getByRole('button', { name: 'Show more (9,800 more)' }).click()
  await expect(picker.getByRole('checkbox')).toHaveCount(400)
  await picker.getByRole('checkbox', { name: 'Article 00400' }).check()
  await expect(dialog.getByText('Chosen articles (1)')).toBeVisible()
})

test('End selects the last article and Home the first; Down the next one', async ({ page, app }) => {
  await page.goto(app.url)
  const list = page.getByTestId('article-list')
  await expect(list.locator('li').first()).toContainText('Article 10000')
  await list.focus()
  await page.keyboard.press('End')
  await expect(page.locator('.reader-title')).toHaveText('Article 00001')
  await expect(list.locator('button[aria-current="true"]')).toContainText('Article 00001')
  expect(await list.locator('li').count()).toBeLessThan(60)
  await page.keyboard.press('Home')
  await expect(page.locator('.reader-title')).toHaveText('Article 10000')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('.reader-title')).toHaveText('Article 09999')
  await expect(list.locator('button[aria-current="true"]')).toContainText('Article 09999')
})

test('sorting by title and filtering by source ask main for the page, not the whole library', async ({ page, app }) => {
  await page.goto(app.url)
  const list = page.getByTestId('article-list')
  await page.getByTestId('library-sort').selectOption('title-asc')
  await expect(list.locator('li').first()).toContainText('Article 00001')
  const source = page.getByTestId('library-source')
  const option = source.locator('option').nth(1)
  const label = (await option.textContent())!
  const [name, count] = /^(.*) \(([\d,]+)\)$/.exec(label)!.slice(1)
  await source.selectOption(name!)
  await expect(page.getByTestId('library-count')).toHaveText(count!)
  await expect(list.locator('li').first().locator('.article-meta')).toContainText(name!)
})
