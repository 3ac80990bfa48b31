import { expectNoSeriousViolations } from './axe-check'
import { expect, openSample, test } from './dossier-fixture'

test('an article moved to the Trash leaves the library, comes back with Undo, and is restored from the Trash view', async ({ page, app }) => {
  await openSample(page, app)
  const rows = page.getByTestId('article-list').locator('li')
  await expect(rows).toHaveCount(1)

  await page.getByTestId('trash-article').click()
  await expect(rows).toHaveCount(0)
  await expect(page.getByTestId('notice')).toContainText('is in the Trash')
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(1)
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')

  await page.getByTestId('trash-article').click()
  await expect(rows).toHaveCount(0)
  // The Trash view from its shortcut, as from File > Trash… in the desktop app.
  await page.keyboard.press('Control+Shift+L')
  const trash = page.getByTestId('trash-dialog')
  await expect(trash.getByTestId('trash-row')).toHaveCount(1)
  await expect(trash.getByTestId('trash-row')).toContainText('Harbour authorities')
  await trash.getByRole('button', { name: 'Restore' }).click()
  await expect(trash.getByTestId('trash-empty')).toBeVisible()
  await expect(rows).toHaveCount(1)
})

test('Restore from Backup lists backups and brings the library back as it was, keeping the replaced one', async ({ page, app }) => {
  await openSample(page, app)
  await page.keyboard.press('Control+Alt+R')
  const dialog = page.getByTestId('backups-dialog')
  // A new, empty library has nothing to back up yet.
  await expect(dialog.getByTestId('backups-empty')).toBeVisible()
  await dialog.getByRole('button', { name: 'Back Up Now' }).click()
  await expect(dialog.getByTestId('backup-row')).toHaveCount(1)
  await expect(dialog.getByTestId('backup-row')).toContainText('Made by hand')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByTestId('trash-article').click()
  await page.keyboard.press('Control+Shift+L')
  await page.getByTestId('trash-dialog').getByRole('button', { name: 'Empty Trash…' }).click()
  // The app's own question, with its own words on the buttons (not the browser's OK/Cancel).
  const question = page.getByTestId('confirm-dialog')
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoSeriousViolations(page, 'the question before emptying the Trash', '[data-testid="confirm-dialog"]')
  await question.getByRole('button', { name: 'Empty Trash', exact: true }).click()
  await expect(page.getByTestId('trash-empty')).toBeVisible()
  await page.getByTestId('trash-dialog').getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('article-list').locator('li')).toHaveCount(0)

  await page.keyboard.press('Control+Alt+R')
  await dialog.getByTestId('backup-row').first().getByRole('button', { name: 'Restore' }).click()
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Replace Library' }).click()
  await expect(page.getByTestId('notice')).toContainText('1 article,')
  await expect(page.getByTestId('article-list').locator('li')).toHaveCount(1)
  await page.keyboard.press('Control+Alt+R')
  await expect(dialog.getByTestId('backup-row')).toHaveCount(2)
  await expect(dialog.getByTestId('backup-row').first()).toContainText('Before a restore')
})

test('a library in a synced folder shows a warning banner that can be dismissed', async ({ page, app }) => {
  await app.restart({ dbPath: `${app.dir}/Dropbox/dossier.sqlite` })
  await page.goto(app.url)
  const banner = page.getByTestId('location-warning')
  await expect(banner).toContainText('is in a Dropbox folder')
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
})
