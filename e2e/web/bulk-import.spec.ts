import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type DossierApp } from './dossier-fixture'

/** A folder as analysts keep one: nested, with a few files that must be refused and one repeat. */
function writeFolder(app: DossierApp, count: number): string {
  const root = join(app.dir, 'clippings')
  mkdirSync(join(root, 'week-2'), { recursive: true })
  mkdirSync(join(root, '.obsidian'), { recursive: true })
  for (let i = 1; i <= count; i++) {
    const folder = i % 2 ? root : join(root, 'week-2')
    writeFileSync(
      join(folder, `report-${String(i).padStart(3, '0')}.txt`),
      `Shipping report number ${i}\n\nPort traffic in week ${i} rose by ${i} percent, the harbour office said.\n\nSource link\n\nShare post:\n`
    )
  }
  writeFileSync(join(root, 'empty.txt'), '   \n')
  writeFileSync(join(root, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  writeFileSync(join(root, 'week-2', 'report-001-copy.txt'), `Shipping report number 1\n\nPort traffic in week 1 rose by 1 percent, the harbour office said.\n`)
  writeFileSync(join(root, '.obsidian', 'workspace.md'), '# not an article\n\nsettings')
  return root
}

function articleRows(dbPath: string): { title: string; text: string }[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare('SELECT title, text FROM articles').all() as { title: string; text: string }[]
  } finally {
    db.close()
  }
}

test('a folder imports with progress and a per-file report', async ({ page, app }) => {
  const folder = writeFolder(app, 30)
  // Slow each batch a little so the progress bar can be seen, as it would be on a large folder.
  await page.route('**/api/article.importFiles', async (route) => {
    await new Promise((r) => setTimeout(r, 150))
    await route.continue()
  })
  await page.goto(app.url)
  await page.getByTestId('import-folder-input').setInputFiles(folder)
  const progress = page.getByTestId('import-progress')
  await expect(progress).toContainText(/Importing \d+ of 33 files/)
  await expect(progress).toBeHidden({ timeout: 30_000 })

  const report = page.getByTestId('import-report')
  await expect(report).toContainText('30 imported · 1 already in library · 2 not imported')
  await expect(report.locator('li.rejected')).toHaveCount(2)
  await expect(report).toContainText('empty.txt: the file is empty')
  await expect(report).toContainText('photo.txt: this looks like a binary file')
  await expect(report.locator('li.duplicate')).toContainText('already in library: Shipping report number 1')
  await expect(report).not.toContainText('workspace.md')
  // The list is virtual: it holds only the rows on screen, and says how many there are.
  await expect(page.getByTestId('library-count')).toHaveText('30')
})

test('cancelling a folder import keeps what was imported, whole, and nothing else', async ({ page, app }) => {
  const folder = writeFolder(app, 60)
  await page.route('**/api/article.importFiles', async (route) => {
    await new Promise((r) => setTimeout(r, 400))
    await route.continue()
  })
  await page.goto(app.url)
  await page.getByTestId('import-folder-input').setInputFiles(folder)
  const progress = page.getByTestId('import-progress')
  await expect(progress).toContainText(/Importing [1-9]\d* of 63 files/)
  await progress.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toBeHidden()
  await expect(page.getByTestId('import-report')).toContainText('Import cancelled')

  const rows = articleRows(app.dbPath)
  expect(rows.length).toBeGreaterThan(0)
  expect(rows.length).toBeLessThan(60)
  for (const row of rows) expect(row.text).toMatch(/^Port traffic in week \d+ rose by \d+ percent, the harbour office said\.$/)
})

test('files dropped on the window are imported', async ({ page, app }) => {
  await page.goto(app.url)
  const dataTransfer = await page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['Dropped briefing\n\nThe ministry confirmed the tender.'], 'dropped.txt', { type: 'text/plain' }))
    data.items.add(new File(['# Second drop\n\nA *Markdown* note about tariffs.'], 'second.md', { type: 'text/markdown' }))
    return data
  })
  await page.dispatchEvent('.app', 'dragover', { dataTransfer })
  await page.dispatchEvent('.app', 'drop', { dataTransfer })
  await expect(page.getByTestId('import-report')).toContainText('2 imported')
  await expect(page.getByTestId('article-list')).toContainText('Dropped briefing')
  await expect(page.getByTestId('article-list')).toContainText('Second drop')
})
