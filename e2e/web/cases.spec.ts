import type { Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, highlightSelection, openSample, selectInReader, showTab, test } from './dossier-fixture'

/**
 * The analyst's story of issue 17, walked through the app as a user would: a case, articles in
 * it, grades, a claim with its evidence and warnings, verification and the evidence manifest.
 */

const ARTICLE = (title: string, source: string, body: string) => ({
  name: `${title.toLowerCase().replace(/\W+/g, '-')}.md`,
  mimeType: 'text/markdown',
  buffer: Buffer.from(`---\ntitle: ${title}\nsource: ${source}\n---\n\n${body}\n`)
})

async function newCase(page: Page, name: string): Promise<void> {
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  const dialog = page.getByTestId('case-dialog')
  await dialog.getByTestId('case-name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('current-case')).toHaveText(name)
}

test('a case scopes the library: imports go to it, All library shows everything, the address keeps it', async ({ page, app }) => {
  await openSample(page, app)
  await expect(page.getByTestId('current-case')).toHaveText('All library')
  await newCase(page, 'Baltic ice')
  expect(new URL(page.url()).searchParams.get('case')).toMatch(/^[0-9a-f-]{36}$/)

  // The library shows the case's articles only: none yet, and says so.
  await page.getByTestId('rail-library').click()
  await expect(page.getByTestId('library-case-scope')).toContainText('Baltic ice')
  await expect(page.getByTestId('library-none')).toContainText('This case has no articles yet')

  // An import while the case is open goes to the case.
  await page.getByTestId('import-input').setInputFiles(ARTICLE('Ice pact signed', 'Harbour Gazette', 'Ministers signed the ice pact on Monday.'))
  await expect(page.locator('.reader-title')).toHaveText('Ice pact signed')
  await expect(page.getByTestId('library-count')).toHaveText('1')

  // The Cases view lists it with its counts; the sample article can be added from the reader.
  await page.getByTestId('rail-cases').click()
  await expect(page.getByTestId('case-list')).toContainText('1 article · 0 claims')
  await page.getByTestId('case-list').getByRole('button', { name: /^All library/ }).click()
  await expect(page.getByTestId('current-case')).toHaveText('All library')
  await page.getByTestId('rail-library').click()
  await expect(page.getByTestId('library-count')).toHaveText('2')
  await page.getByTestId('article-list').getByText('Harbour authorities', { exact: false }).click()

  // Back to the case by the switcher, from the keyboard: the palette's Switch Case…
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('switch case')
  await page.keyboard.press('Enter')
  await page.getByRole('menuitemcheckbox', { name: /Baltic ice/ }).click()
  await expect(page.getByTestId('current-case')).toHaveText('Baltic ice')
  await page.getByTestId('rail-cases').click()
  await page.getByTestId('case-add-article').click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(2)

  // Taking an article out is undone from the toast.
  await page.getByRole('button', { name: /Remove “Ice pact signed” from the case/ }).click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(1)
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(2)

  // The case's evidence manifest, as CSV: a row per article with its title, source and hashes.
  const outDir = join(app.dir, 'manifest')
  await page.getByTestId('export-manifest').click()
  const manifest = page.getByTestId('manifest-dialog')
  await manifest.getByLabel('Folder').fill(outDir)
  await manifest.getByLabel('CSV').check()
  await manifest.getByRole('button', { name: 'Export manifest' }).click()
  await expect(manifest.getByTestId('manifest-result')).toContainText('2 articles')
  const [file] = readdirSync(outDir)
  const [header, ...rows] = readFileSync(join(outDir, file!), 'utf8').trim().split('\r\n')
  const columns = header!.split(',')
  expect(columns).toEqual(expect.arrayContaining(['title', 'source', 'original_sha256', 'text_sha256']))
  expect(rows).toHaveLength(2)
  const ice = rows.find((r) => r.includes('"Ice pact signed"'))!
  expect(ice).toContain('"Harbour Gazette"')
  const cells = ice.split('","').map((c) => c.replace(/^"|"$/g, ''))
  expect(cells[columns.indexOf('original_sha256')]).toMatch(/^[0-9a-f]{64}$/)
  expect(cells[columns.indexOf('text_sha256')]).toMatch(/^[0-9a-f]{64}$/)
  await manifest.getByRole('button', { name: 'Done' }).click()
  await expect(manifest).toHaveCount(0)

  // The case's notebook keeps what is written in it.
  await page.getByTestId('case-notebook-input').click()
  await page.keyboard.type('Brief: who signed, and who did not.')
  await expect(page.getByTestId('case-notebook-save-status')).toHaveText('Saved')

  // A reload keeps the case (it is in the address), and so does opening the app afresh.
  await page.reload()
  await expect(page.getByTestId('current-case')).toHaveText('Baltic ice')
  await page.goto(app.url)
  await expect(page.getByTestId('current-case')).toHaveText('Baltic ice')
  await page.getByTestId('rail-cases').click()
  await expect(page.getByTestId('case-notebook-input')).toContainText('Brief: who signed')

  // The case notebook keeps History: a regretted rewrite, and the earlier draft restored.
  await page.getByTestId('case-notebook-input').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Rewritten by mistake.')
  await expect(page.getByTestId('case-notebook-save-status')).toHaveText('Saved')
  await page.keyboard.press('ControlOrMeta+Shift+h')
  const history = page.getByTestId('history-dialog')
  await expect(history).toContainText('History of the case notebook')
  await expect(history.getByTestId('revision').first()).toContainText('Rewritten by mistake.')
  // The current version names the rewrite's removed text, so look among the earlier ones.
  await history
    .getByTestId('revision')
    .filter({ hasNot: page.locator('.revision-current') })
    .filter({ hasText: 'Brief: who signed' })
    .first()
    .getByRole('button', { name: 'Restore' })
    .click()
  await expect(history).toBeHidden()
  await expect(page.getByTestId('case-notebook-input')).toContainText('Brief: who signed, and who did not.')
  await expect(page.getByTestId('case-notebook-input')).not.toContainText('Rewritten')

  // Search is narrowed to the case.
  await page.getByTestId('rail-search').click()
  await expect(page.getByTestId('search-case-scope')).toContainText('Baltic ice')
})

test('grading: a source B with a reason and its history, a highlight 2 by keyboard, B2 on the chip', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles(ARTICLE('Ice pact signed', 'Harbour Gazette', 'Ministers signed the ice pact on Monday. The port will open in March.'))
  await expect(page.locator('.reader-title')).toHaveText('Ice pact signed')
  await expect(page.getByTestId('reader-grade').getByTestId('grade-chip')).toHaveText('ungraded')

  // The source, graded B with a reason; the history shows who, from what to what, and why.
  await page.getByTestId('rail-sources').click()
  await page.getByTestId('source-list').getByRole('button', { name: /Harbour Gazette/ }).click()
  const detail = page.getByTestId('source-detail')
  await detail.getByTestId('grade-reason').fill('Long record of accurate port reporting')
  await detail.getByRole('button', { name: 'B: Usually reliable' }).click()
  await expect(detail.getByTestId('grade-history')).toContainText('ungraded → B')
  await expect(detail.getByTestId('grade-history')).toContainText('Long record of accurate port reporting')
  await expect(page.getByTestId('source-list').getByTestId('grade-chip')).toHaveAttribute('data-grade', 'B')
  await expect(page.getByTestId('reader-grade').getByTestId('grade-chip')).toHaveText('B')

  // A highlight, graded 2 with Alt+2 while it is selected: the chip says B2, with both meanings.
  await selectInReader(page, 'The port will open in March.')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('notice')).toContainText('Graded B2')
  const chip = page.getByTestId('highlight-grade').getByTestId('grade-chip')
  await expect(chip).toHaveText('B2')
  await expect(chip).toHaveAttribute('aria-label', /usually reliable; information credibility 2: probably true/)
  await showTab(page, 'Highlights')
  await expect(page.getByTestId('highlight-list').getByTestId('grade-chip')).toHaveAttribute('data-grade', 'B2')
  // Undo takes the grade back to ungraded, never to a default.
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('highlight-list').getByTestId('grade-chip')).toHaveAttribute('data-grade', 'B?')
  await page.getByTestId('highlight-list').getByRole('button').first().click()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('highlight-list').getByTestId('grade-chip')).toHaveAttribute('data-grade', 'B2')

  // The shortcut sheet and the palette list the credibility keys.
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('grade credibility')
  await expect(page.getByTestId('command-palette').locator('[data-command="highlight.grade"] kbd')).toHaveText('Alt 1–6')
  await page.keyboard.press('Escape')

  // Help > Verify Library… (Ctrl/⌘ Alt V): the original against its hash, and the activity log.
  await page.locator('.reader-title').click()
  await page.keyboard.press('ControlOrMeta+Alt+V')
  const verify = page.getByTestId('verify-dialog')
  await expect(verify.getByTestId('verify-result')).toContainText('The library is intact.')
  await expect(verify.getByTestId('verify-result')).toContainText('1 original')
  // It ran as a job: once finished, its progress and Cancel are gone.
  await expect(verify.getByTestId('verify-progress')).toHaveCount(0)
  await expect(verify.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(verify).toHaveCount(0)
})

test('claims: make one, drag evidence onto it, see the warnings, open the passage, link by keyboard', async ({ page, app }) => {
  await page.goto(app.url)
  await newCase(page, 'Gold revenue')
  await page.getByTestId('import-input').setInputFiles([
    ARTICLE('Levies at the pits', 'Harbour Gazette', 'Miners at the pits pay a weekly levy to the armed group, a digger said.'),
    ARTICLE('Gold and guns', 'Harbour Gazette', 'The armed group takes a share of every gram sold at the market, traders said.')
  ])
  await expect(page.getByTestId('library-count')).toHaveText('2')

  await page.getByTestId('rail-claims').click()
  await expect(page.getByTestId('claims-empty')).toBeVisible()
  await page.getByTestId('claim-text').fill('Armed groups earn revenue from artisanal gold')
  await page.keyboard.press('Enter')
  const claim = page.getByTestId('claim').first()
  await expect(claim).toContainText('0 supporting · 0 contradicting · 0 context')

  // A highlight in the open article, dragged from the highlights panel onto the claim.
  await page.getByTestId('rail-library').click()
  await page.getByTestId('article-list').getByText('Levies at the pits').click()
  await selectInReader(page, 'pay a weekly levy to the armed group')
  await highlightSelection(page)
  await showTab(page, 'Highlights')
  await page.getByTestId('rail-claims').click()
  await page.getByTestId('highlight-list').getByRole('button').first().dragTo(claim.getByRole('button').first())
  await expect(page.getByTestId('notice')).toContainText('Linked as supporting evidence')
  await expect(claim.getByTestId('claim-counts')).toContainText('1 supporting · 0 contradicting')
  // Warnings, not verdicts: one source, nothing contradicting sought, nothing graded 1–3.
  const warnings = claim.getByTestId('claim-warnings')
  await expect(warnings.locator('[data-warning="single_source"]')).toContainText('Harbour Gazette')
  await expect(warnings.locator('[data-warning="no_contradicting_evidence"]')).toBeVisible()
  await expect(warnings.locator('[data-warning="low_credibility_only"]')).toBeVisible()

  // From the keyboard: the selected highlight of the other article, as contradicting evidence.
  await page.getByTestId('rail-library').click()
  await page.getByTestId('article-list').getByText('Gold and guns').click()
  await page.getByTestId('rail-claims').click()
  await selectInReader(page, 'takes a share of every gram sold')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.keyboard.press('Alt+1')
  await page.keyboard.press('Control+Alt+e')
  const picker = page.getByTestId('evidence-picker')
  await picker.getByLabel('Contradicts').check()
  await picker.getByRole('button', { name: 'Link' }).click()
  await expect(claim.getByTestId('claim-counts')).toContainText('1 supporting · 1 contradicting')
  await expect(warnings.locator('[data-warning="no_contradicting_evidence"]')).toHaveCount(0)

  // The claim's view (open since it was made): the two columns, and a click opens the passage.
  await expect(claim.getByRole('button').first()).toHaveAttribute('aria-expanded', 'true')
  const view = claim.getByTestId('claim-view')
  await expect(view.getByTestId('evidence-supports')).toContainText('pay a weekly levy')
  await expect(view.getByTestId('evidence-contradicts')).toContainText('takes a share of every gram')
  await view.getByTestId('claim-status-select').selectOption('contested')
  await expect(claim.getByTestId('claim-status')).toHaveText('Contested')
  await view.getByTestId('evidence-supports').getByTestId('evidence-item').click()
  await expect(page.locator('.reader-title')).toHaveText('Levies at the pits')
  await expect(page.locator('mark.hl.selected')).toContainText('pay a weekly levy')

  // The claim quoted in the case's notebook: its statement, status and evidence, kept on reload;
  // the quote opens the claim in the Claims view.
  await claim.getByRole('button').first().click()
  await expect(claim.getByRole('button').first()).toHaveAttribute('aria-expanded', 'false')
  await page.getByTestId('rail-cases').click()
  await page.getByRole('button', { name: 'Quote a claim' }).click()
  await page.getByTestId('claim-quote-picker').getByLabel('Find a claim').press('Enter')
  const quoted = page.getByTestId('case-notebook-input').getByTestId('claim-quote-node')
  await expect(quoted).toContainText('Armed groups earn revenue from artisanal gold')
  await expect(quoted.getByTestId('claim-quote-status')).toHaveText('Contested')
  await expect(quoted.getByTestId('claim-quote-counts')).toHaveText('1 supporting · 1 contradicting · 0 context')
  await expect(page.getByTestId('case-notebook-save-status')).toHaveText('Saved')
  await page.reload()
  await page.getByTestId('case-notebook-input').getByRole('button', { name: 'Open claim' }).click()
  await expect(page.getByTestId('claims-panel')).toBeVisible()
  await expect(claim.getByRole('button').first()).toHaveAttribute('aria-expanded', 'true')
})
