import type { Page } from '@playwright/test'
import { expect, openSample, test } from './dossier-fixture'

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
  await page.getByRole('button', { name: /Take “Ice pact signed” out of the case/ }).click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(1)
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(2)

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

  // Search is narrowed to the case.
  await page.getByTestId('rail-search').click()
  await expect(page.getByTestId('search-case-scope')).toContainText('Baltic ice')
})
