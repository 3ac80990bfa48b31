import type { Page } from '@playwright/test'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

/**
 * The hypotheses half of issue 20 as an analyst walks it: a matrix built from highlights by
 * keyboard, rated by keyboard, its scores and a linchpin seen, a row switched off, the layout
 * transposed, a snapshot taken and compared, and everything still there after a reload.
 */

async function newCase(page: Page, name: string): Promise<void> {
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  const dialog = page.getByTestId('case-dialog')
  await dialog.getByTestId('case-name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByTestId('current-case')).toHaveText(name)
}

const scores = (page: Page, kind: 'inconsistency' | 'weighted') => page.getByTestId(`ach-score-${kind}`)
/** Score cells read their number first; the least inconsistent also says so to a screen reader. */
const values = (...v: string[]) => v.map((x) => new RegExp(`^${x}( \\(least inconsistent\\))?$`))

test('a matrix from highlights by keyboard: ratings, live scores, a linchpin, a row off, transpose, a snapshot', async ({ page, app }) => {
  test.setTimeout(180_000)
  await openSample(page, app)
  await newCase(page, 'Baltic ice')

  // A matrix with two hypotheses.
  await page.getByTestId('rail-hypotheses').click()
  const panel = page.getByTestId('ach-panel')
  await expect(panel.getByTestId('ach-empty')).toBeVisible()
  await panel.getByTestId('ach-new-matrix').fill('Will the small ports sign?')
  await page.keyboard.press('Enter')
  await panel.getByTestId('ach-new-hypothesis').fill('They sign before the deadline')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('ach-new-hypothesis')).toHaveValue('')
  await panel.getByTestId('ach-new-hypothesis').fill('They hold out for escort hours')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('ach-hypothesis-list').getByRole('listitem')).toHaveCount(2)

  // Three highlights, each added with Ctrl+Alt+A as soon as it is made.
  // Back to the reader (the typing was in the panel's field).
  await page.locator('.reader-title').click()
  const phrases = ['shared icebreaker schedule', 'premiums for winter sailings rose by nearly a fifth', 'Smaller harbours want a guaranteed minimum of escort hours']
  for (const [i, phrase] of phrases.entries()) {
    await selectInReader(page, phrase)
    await page.keyboard.press('h')
    await expect(page.locator('mark.hl')).toHaveCount(i + 1)
    await page.keyboard.press('Control+Alt+a')
    await expect(panel.getByTestId('ach-row')).toHaveCount(i + 1)
  }
  await expect(page.getByTestId('notice').filter({ hasText: 'Added to the matrix “Will the small ports sign?”' }).first()).toBeVisible()
  await expect(panel.getByTestId('ach-row').first()).toContainText('shared icebreaker schedule')

  // Rating by keyboard: arrows move, c C n i I rate.
  const cell = (r: number, h: number) => panel.locator(`[data-testid="ach-cell"][data-r="${r}"][data-h="${h}"]`)
  await cell(0, 0).click()
  for (const key of ['c', 'ArrowRight', 'n', 'ArrowDown', 'Shift+I', 'ArrowLeft', 'c', 'ArrowDown', 'i', 'ArrowRight', 'x']) await page.keyboard.press(key)
  await expect(cell(1, 1)).toHaveText('II')
  await expect(cell(2, 0)).toHaveText('I')
  // The last key was x, which rates nothing: the cell stays blank.
  await expect(cell(2, 1)).toHaveText('')
  await page.keyboard.press('i')
  await expect(cell(2, 1)).toHaveText('I')

  // Scores: H1 = E3 I = 1; H2 = E2 II + E3 I = 3 (all weights Medium: ungraded).
  await expect(scores(page, 'inconsistency')).toHaveText(values('1', '3'))
  await expect(scores(page, 'weighted')).toHaveText(values('1', '3'))
  await expect(panel.getByTestId('ach-explain')).toContainText('Inconsistency 3, weighted 3')
  // Diagnosticity: E1 C vs N = 1, E2 C vs II = 3, E3 I vs I = 0.
  await expect(panel.getByTestId('ach-diagnosticity')).toHaveText(['1', '3', '0'])
  // E2 is the linchpin: without it H2 drops to 1 and ties H1.
  await expect(panel.getByTestId('ach-linchpin')).toHaveCount(1)
  await expect(panel.getByTestId('ach-row').nth(1).getByTestId('ach-linchpin')).toBeVisible()
  // Warnings drawn from what Dossier knows: every row from one article.
  await expect(panel.getByTestId('ach-warnings')).toContainText('Same source: 3 rows')

  // Sensitivity: Space switches the focused row (E3) off and the scores follow.
  await page.keyboard.press('Space')
  await expect(scores(page, 'inconsistency')).toHaveText(values('0', '2'))
  await page.keyboard.press('Space')
  await expect(scores(page, 'inconsistency')).toHaveText(values('1', '3'))
  // Ctrl+Z takes the last rating back.
  await page.keyboard.press('Control+z')
  await expect(cell(2, 1)).toHaveText('')
  await page.keyboard.press('i')

  // Transposed: hypotheses down, evidence across, the same ratings and scores.
  await panel.getByTestId('ach-transpose').click()
  await expect(panel.getByTestId('ach-hypothesis-row')).toHaveCount(2)
  await expect(panel.getByTestId('ach-hypothesis-row').nth(1)).toContainText('They hold out for escort hours')
  await expect(scores(page, 'inconsistency')).toHaveText(values('1', '3'))
  await expect(panel.getByTestId('ach-linchpin')).toHaveCount(1)
  // Transposed, the keys follow the layout: → is the next piece of evidence, ↓ the next hypothesis.
  await cell(0, 0).click()
  await page.keyboard.press('ArrowRight')
  await expect(cell(1, 0)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(cell(1, 1)).toBeFocused()
  await expect(cell(1, 1)).toHaveText('II')

  // A snapshot, then a change, then the comparison of the two.
  await panel.getByTestId('ach-snapshot-label').fill('Before the insurers')
  await panel.getByTestId('ach-snapshot-save').click()
  await expect(panel.getByTestId('ach-snapshot')).toHaveCount(1)
  await expect(panel.getByTestId('ach-snapshot')).toContainText('Before the insurers')
  await panel.getByTestId('ach-transpose').click()
  await cell(1, 1).click()
  await page.keyboard.press('c')
  await expect(scores(page, 'inconsistency')).toHaveText(values('1', '1'))
  await panel.getByTestId('ach-compare-a').selectOption({ index: 1 })
  await panel.getByTestId('ach-compare').click()
  await expect(panel.getByTestId('ach-comparison')).toContainText('1 cell rated differently')
  await expect(panel.getByTestId('ach-comparison')).toContainText('E2 × H2: II → C')

  // Everything was saved as it was made.
  await page.reload()
  // The address reopens the view (clicking its rail entry now would fold it away).
  await expect(page).toHaveURL(/view=hypotheses/)
  await expect(scores(page, 'inconsistency')).toHaveText(values('1', '1'))
  await expect(page.getByTestId('ach-snapshot')).toHaveCount(1)

  // In the side panel (280 px unless widened), eight hypotheses are wider than the panel: rating
  // the far column, the row's evidence stays in view beside it.
  for (let h = 3; h <= 8; h++) {
    await page.getByTestId('ach-new-hypothesis').fill(`Hypothesis ${h}`)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('ach-hypothesis-head')).toHaveCount(h)
  }
  await cell(1, 0).click()
  await page.keyboard.press('End')
  await expect(cell(1, 7)).toBeFocused()
  const wrap = page.locator('.ach-grid-wrap')
  expect(await wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
  const box = (await wrap.boundingBox())!
  for (const part of [cell(1, 7), page.getByTestId('ach-row').nth(1).locator('.ach-evidence')]) {
    const b = (await part.boundingBox())!
    expect(b.x).toBeGreaterThanOrEqual(box.x - 1)
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1)
  }
  await page.keyboard.press('a')
  await expect(cell(1, 7)).toHaveText('NA')
})
