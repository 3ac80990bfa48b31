import { existsSync } from 'node:fs'
import { openDatabase } from '../../src/main/db/open-database'
import { paragraphsDocument } from '../../src/shared/document/article-document'
import { expect, test } from './dossier-fixture'
import { libraryTemplate } from './library-template'

const HIGHLIGHT_ID = '11111111-1111-4111-8111-111111111111'
const ARTICLE_ID = '22222222-2222-4222-8222-222222222222'
const JAPANESE_ID = '33333333-3333-4333-8333-333333333333'
/** A Japanese report: no spaces between words, so the word searched for sits inside a run of text. */
const JAPANESE = '横浜港の税関は月曜日、岸壁で偽造タービンの貨物を押収したと発表した。\n\n関係者によると、貨物は先月到着した。'

/**
 * 300 generated articles plus one long briefing whose highlighted passage lies far down the
 * text, written into the database before the app starts (no import).
 */
function searchLibrary(): string {
  const path = libraryTemplate('search-300b', { articles: 300, highlightsPerArticle: 2, words: 120, documents: true })
  // The app's own opening registers the SQL functions the activity log's triggers call.
  const db = openDatabase(path)
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(ARTICLE_ID)) {
    const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of routine port traffic notes about berths and pilots.`)
    filler.splice(45, 0, 'Customs officers seized a cargo of counterfeit turbines at the quay.')
    filler.splice(52, 0, 'The Malmö ferry timetable changes in spring.')
    const text = filler.join('\n\n')
    const start = text.indexOf('counterfeit turbines')
    db.transaction(() => {
      db.prepare(
        `INSERT INTO articles (id, title, source, author, published_at, imported_at, original_name, original_type, original, text, content_hash, document, language)
         VALUES (?, 'Quay briefing', 'Port Gazette', 'Ann Smith', '2026-05-01', '2026-06-01T00:00:00.000Z', 'quay.txt', 'text', x'', ?, 'quay-briefing', ?, 'en')`
      ).run(ARTICLE_ID, text, JSON.stringify(paragraphsDocument(text)))
      db.prepare(
        `INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at, label_id)
         VALUES (?, ?, ?, ?, 'counterfeit turbines', '', '', '2026-06-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000002')`
      ).run(HIGHLIGHT_ID, ARTICLE_ID, start, start + 'counterfeit turbines'.length)
    })()
  }
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(JAPANESE_ID)) {
    db.prepare(
      `INSERT INTO articles (id, title, source, author, published_at, imported_at, original_name, original_type, original, text, content_hash, document, language)
       VALUES (?, '横浜税関の発表', '港湾新聞', NULL, '2026-05-02', '2026-06-01T00:00:00.000Z', 'yokohama.txt', 'text', x'', ?, 'yokohama-customs', ?, 'ja')`
    ).run(JAPANESE_ID, JAPANESE, JSON.stringify(paragraphsDocument(JAPANESE)))
  }
  db.close()
  if (!existsSync(path)) throw new Error('no template')
  return path
}

test.beforeEach(async ({ app }) => {
  await app.useDatabase(searchLibrary())
})

test('search as you type: / focuses the box, results narrow with each word, matches are marked', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('library-count')).toHaveText('302')
  await page.locator('body').press('/')
  const box = page.getByTestId('search-input')
  await expect(box).toBeFocused()
  // The empty state explains the syntax.
  await expect(page.getByTestId('search-help')).toContainText('"grain corridor"')
  await box.pressSequentially('counterf', { delay: 30 })
  const results = page.getByTestId('search-results')
  await expect(results.getByTestId('search-group').first()).toContainText('Quay briefing')
  await expect(results.locator('mark').first()).toHaveText(/counterfeit/i)
  // More words narrow the results: only the briefing's highlight holds both.
  await box.pressSequentially('eit turbines in:highlights', { delay: 30 })
  const hits = results.getByTestId('search-hit')
  await expect(hits).toHaveCount(1)
  await expect(hits.first()).toHaveAttribute('data-kind', 'highlight')
  await expect(hits.first().locator('mark')).toHaveText(['counterfeit', 'turbines'])
  // `/` typed into the box is text, not a shortcut.
  await box.fill('')
  await box.pressSequentially('a/b')
  await expect(box).toHaveValue('a/b')
  // Japanese (issue 21): a word with no spaces around it is found inside its sentence, and the
  // result's snippet marks exactly that word.
  await box.fill('偽造タービン')
  const japanese = results.getByTestId('search-group').filter({ hasText: '横浜税関の発表' })
  await expect(japanese).toHaveCount(1)
  await expect(japanese.getByTestId('search-hit').first()).toContainText('岸壁で偽造タービンの貨物')
  await expect(japanese.locator('mark')).toHaveText(['偽造タービン'])
  // A search too long for the contract is refused in a sentence, not a schema message.
  await box.fill('q'.repeat(10_001))
  await expect(page.getByTestId('search-results')).toContainText('The search is too long: at most 10,000 characters.')
})

test('Ctrl+K focuses search; Up and Down choose, Enter opens the highlight scrolled into view and flashed', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('library-count')).toHaveText('302')
  await page.keyboard.press('Control+k')
  const box = page.getByTestId('search-input')
  await expect(box).toBeFocused()
  await box.fill('counterfeit turbines')
  const hits = page.getByTestId('search-hit')
  await expect(hits.first()).toBeVisible()
  const count = await hits.count()
  expect(count).toBeGreaterThanOrEqual(2)
  await expect(hits.nth(0)).toHaveAttribute('aria-selected', 'true')
  await box.press('ArrowDown')
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true')
  await box.press('ArrowUp')
  await expect(hits.nth(0)).toHaveAttribute('aria-selected', 'true')
  // Choose the highlight match with the keyboard and open it.
  const kinds = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
  const target = kinds.indexOf('highlight')
  for (let i = 0; i < target; i++) await box.press('ArrowDown')
  await box.press('Enter')
  await expect(page.locator('.reader-title')).toHaveText('Quay briefing', { timeout: 30_000 })
  const mark = page.locator(`mark[data-highlight-ids~="${HIGHLIGHT_ID}"]`)
  await expect(mark).toHaveAttribute('data-flash')
  await expect(mark).toBeInViewport()
})

test('opening a match in the text scrolls the reader to those words and flashes them', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Search' }).click()
  await page.getByTestId('search-input').fill('malmo timetable')
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Malmö' }).first()
  await expect(hit).toHaveAttribute('data-kind', 'text')
  await hit.click()
  await expect(page.locator('.reader-title')).toHaveText('Quay briefing', { timeout: 30_000 })
  const flashed = page.locator('.reader-text .search-flash')
  await expect(flashed).toContainText('Malmö')
  await expect(flashed).toBeInViewport()
})
