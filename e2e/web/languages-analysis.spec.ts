import type { Page } from '@playwright/test'
import { expect, selectInReader, test } from './dossier-fixture'
import { findUntranslated, usePseudoLocale } from './untranslated'

/**
 * The analysis views in the analyst's language (issue 21): every string of Cases, Sources,
 * Claims, Hypotheses, Entities and the Timeline comes from a catalog, and the matrix reads right
 * to left in Arabic. The material is in Russian, so no English word of the analyst's own can hide
 * a string left in the code; the steps go by test ids, since every label is pseudo-localized.
 */

const ARTICLE = (title: string, source: string, body: string) => ({
  name: `${title.length}-article.md`,
  mimeType: 'text/markdown',
  buffer: Buffer.from(`---\ntitle: ${title}\nsource: ${source}\n---\n\n${body}\n`)
})

/** Nothing but catalog strings (and the analyst's own words) in this part of the window. */
async function allTranslated(page: Page, within: string): Promise<void> {
  await page.locator(within).first().waitFor()
  expect(await findUntranslated(page, { within })).toEqual([])
}

test('in the pseudo-locale every string of the analysis views comes from a catalog; the Arabic matrix reads right to left', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000)
  await page.goto(app.url)
  await usePseudoLocale(page, app)

  // A case, named in Russian.
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  const dialog = page.getByTestId('case-dialog')
  await dialog.getByTestId('case-name').fill('Порты Балтики')
  await dialog.getByTestId('case-name').press('Enter')
  await expect(page.getByTestId('current-case')).toHaveText('Порты Балтики')

  // Two articles from one source, imported into it.
  await page.getByTestId('import-input').setInputFiles([
    ARTICLE('Порт закрыт после шторма', 'Портовая газета', 'Порт закрыли 2025-03-12 после сильного шторма, сообщили лоцманы. Страховые премии выросли почти на пятую часть.'),
    ARTICLE('Ледоколы и график', 'Портовая газета', 'Малые порты требуют гарантированных часов проводки ледоколами, заявил представитель гавани.')
  ])
  await expect(page.getByTestId('library-count')).toHaveText('2')

  // Sources: the source graded B, its history and articles.
  await page.getByTestId('rail-sources').click()
  await page.getByTestId('source-list').getByRole('button').first().click()
  await page.getByTestId('source-detail').getByTestId('reliability-picker').getByRole('button').nth(1).click()
  await expect(page.getByTestId('grade-history').getByRole('listitem')).toHaveCount(1)
  await allTranslated(page, '[data-testid="sources-panel"]')

  // Claims: one claim with a highlight as supporting evidence (from the keyboard).
  await page.getByTestId('rail-claims').click()
  await page.getByTestId('claim-text').fill('Шторм закрыл порт')
  await page.keyboard.press('Enter')
  const claim = page.getByTestId('claim').first()
  await expect(claim.getByTestId('claim-view')).toBeVisible()
  await page.getByTestId('rail-library').click()
  await page.getByTestId('article-list').getByText('Порт закрыт после шторма').click()
  await page.getByTestId('rail-claims').click()
  await selectInReader(page, 'после сильного шторма')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.keyboard.press('Control+Alt+e')
  await page.getByTestId('evidence-picker').locator('input').first().press('Enter')
  await expect(claim.getByTestId('evidence-supports').getByTestId('evidence-item')).toHaveCount(1)
  await expect(claim.getByTestId('claim-warnings')).toBeVisible()
  await allTranslated(page, '[data-testid="claims-panel"]')

  // Hypotheses: a matrix of two hypotheses, the highlight and the claim as rows, rated.
  await page.getByTestId('rail-hypotheses').click()
  const panel = page.getByTestId('ach-panel')
  await panel.getByTestId('ach-new-matrix').fill('Почему закрыли порт?')
  await page.keyboard.press('Enter')
  for (const text of ['Из-за шторма', 'Из-за забастовки']) {
    await panel.getByTestId('ach-new-hypothesis').fill(text)
    await page.keyboard.press('Enter')
    await expect(panel.getByTestId('ach-new-hypothesis')).toHaveValue('')
  }
  await page.locator('.reader-title').click()
  await selectInReader(page, 'Страховые премии выросли')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(2)
  await page.keyboard.press('Control+Alt+a')
  await expect(panel.getByTestId('ach-row')).toHaveCount(1)
  const cell = (r: number, h: number) => panel.locator(`[data-testid="ach-cell"][data-r="${r}"][data-h="${h}"]`)
  await cell(0, 0).click()
  for (const key of ['c', 'ArrowRight', 'Shift+I']) await page.keyboard.press(key)
  await expect(cell(0, 1)).toHaveText('II')
  await panel.getByTestId('ach-snapshot-label').fill('До забастовки')
  await panel.getByTestId('ach-snapshot-save').click()
  await expect(panel.getByTestId('ach-snapshot')).toHaveCount(1)
  await panel.getByTestId('ach-compare-a').selectOption({ index: 1 })
  await panel.getByTestId('ach-compare').click()
  await expect(panel.getByTestId('ach-comparison')).toBeVisible()
  await allTranslated(page, '[data-testid="ach-panel"]')

  // Entities and the timeline, as they come.
  await page.getByTestId('rail-entities').click()
  await expect(page.getByTestId('entities-view')).toBeVisible()
  await expect(page.locator('.entity-pending')).toHaveCount(0)
  await allTranslated(page, '[data-testid="entities-view"]')
  await page.getByTestId('entities-view').getByRole('tab').last().click()
  await expect(page.getByTestId('watch-list')).toBeVisible()
  await allTranslated(page, '[data-testid="entities-view"]')
  await page.getByTestId('rail-timeline').click()
  await expect(page.getByTestId('timeline-view')).toBeVisible()
  await allTranslated(page, '[data-testid="timeline-view"]')

  // The case: its articles and counts (the notebook's editor belongs to the notes' catalogs).
  await page.getByTestId('rail-cases').click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(2)
  expect(await findUntranslated(page, { within: '[data-testid="cases-panel"]', exclude: '.case-notebook .note-editor-toolbar, .case-notebook [role="toolbar"]' })).toEqual([])

  // In Arabic the window mirrors and the matrix reads right to left: evidence at the right, H1 beside it, H2 further left.
  const res = await page.request.post(`${app.origin}/api/settings.set`, { headers: { 'x-dossier-token': app.token }, data: { locale: 'ar' } })
  expect(res.ok()).toBe(true)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.getByTestId('rail-hypotheses').click()
  const grid = page.getByTestId('ach-grid')
  await expect(grid).toBeVisible()
  const heads = grid.locator('thead th')
  const [evidence, h1, h2] = await Promise.all([0, 2, 3].map(async (i) => (await heads.nth(i).boundingBox())!.x))
  expect(evidence).toBeGreaterThan(h1!)
  expect(h1).toBeGreaterThan(h2!)
  await expect(heads.first()).toHaveText('الأدلة')
  await page.getByTestId('ach-editor').screenshot({ path: testInfo.outputPath('ach-matrix-ar.png') })
})
