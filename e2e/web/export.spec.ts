import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { allTokens, splitFrontMatter } from '../../src/shared/markdown/markdown-parse'
import type { Page } from '@playwright/test'
import { expect, openSample, selectInReader, test, type DossierApp } from './dossier-fixture'

const PASSAGE = 'shared icebreaker schedule'

/** The sample article with PASSAGE highlighted and a saved note on it. */
async function sampleWithNote(page: Page, app: DossierApp, note: string): Promise<void> {
  await openSample(page, app)
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  await page.getByTestId('note-input').click()
  await page.keyboard.type(note)
  await expect(page.getByTestId('save-status')).toHaveText('Saved')
}

test('export from the keyboard shortcut and dialog, read the files, and re-export without clobbering an edit', async ({ page, app }) => {
  await sampleWithNote(page, app, 'Check who pays for the escorts')

  // File > Export Markdown… is Ctrl/Cmd+Shift+E, in the menu and in the page alike.
  const outDir = join(app.dir, 'vault')
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await dialog.getByLabel('Folder').fill(outDir)
  await dialog.getByLabel('The whole library').check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article')
  await expect(dialog.getByTestId('export-result')).toContainText('1 new')

  const [name] = readdirSync(outDir)
  const markdown = readFileSync(join(outDir, name!), 'utf8')
  const { meta, body } = splitFrontMatter(markdown)
  expect(meta).toMatchObject({ title: expect.stringContaining('Harbour authorities'), dossier_id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  expect(meta.dossier_url).toBe(`dossier://article/${meta.dossier_id}`)
  const tokens = allTokens(body)
  expect(tokens.filter((t) => t.type.startsWith('html'))).toEqual([])
  // The highlight's quote, and its note as a quote inside it.
  expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(2)
  expect(body).toMatch(/^> > Check who pays for the escorts$/m)
  expect(body).toContain(`> ${PASSAGE}`)
  expect(body).toMatch(/^\^h-[0-9a-f-]{36}$/m)
  expect(tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toContainEqual(expect.stringMatching(/^dossier:\/\/highlight\//))
  expect(body).toContain('Check who pays for the escorts')

  // The analyst edits the file in their vault; the next export leaves it alone and says so.
  writeFileSync(join(outDir, name!), `${markdown}\nMy own conclusion.\n`)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-conflicts')).toContainText(`${name} → ${name!.replace(/\.md$/, '')}.dossier-conflict.md`)
  expect(readFileSync(join(outDir, name!), 'utf8')).toContain('My own conclusion.')
  expect(readdirSync(outDir).sort()).toEqual([name, `${name!.replace(/\.md$/, '')}.dossier-conflict.md`].sort())
  // The counts add up: the conflicted article is counted, not left out.
  await expect(dialog.getByTestId('export-result')).toContainText(`Exported 1 article to ${outDir}: 0 new, 0 updated, 0 unchanged, 1 not overwritten.`)

  // A highlights export after it replaces the Markdown report instead of showing under it.
  await dialog.getByLabel(/spreadsheet/).check()
  const highlightsDialog = page.getByRole('dialog', { name: 'Export Highlights' })
  await highlightsDialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(highlightsDialog.getByTestId('export-result')).toHaveText(`Wrote 1 highlight to ${join(outDir, 'highlights.csv')}.`)
  await expect(highlightsDialog.getByTestId('export-conflicts')).toHaveCount(0)

  // With the article's text: the whole article under "## Article", the passage marked in place,
  // its block id once in the file (on the paragraph, no longer after the quote).
  await highlightsDialog.getByLabel(/^Markdown, one file per article/).check()
  const textDir = join(app.dir, 'vault-text')
  await dialog.getByLabel('Folder').fill(textDir)
  await expect(dialog.getByLabel(/Include the article’s text/)).not.toBeChecked()
  await dialog.getByLabel(/Include the article’s text/).check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article')
  const withText = readFileSync(join(textDir, readdirSync(textDir)[0]!), 'utf8')
  expect(withText).toMatch(/^## Article$/m)
  expect(withText).toContain(`==${PASSAGE}==`)
  expect(withText.match(/\^h-[0-9a-f-]{36}/g)).toHaveLength(1)
  expect(withText).toMatch(/==.* \^h-[0-9a-f-]{36}$/m)
  expect(allTokens(splitFrontMatter(withText).body).filter((t) => t.type.startsWith('html'))).toEqual([])
  expect(app.foreignRequests).toEqual([])
})

test('the template editor names the line of a broken template, and a saved template shapes the export', async ({ page, app }) => {
  await openSample(page, app)
  await page.getByRole('button', { name: 'Export Markdown…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await dialog.getByRole('button', { name: 'Template…' }).click()
  const editor = dialog.getByRole('textbox', { name: 'Export template' })
  await expect(editor).toHaveValue(/## Highlights/)
  // The help is in the app, not a path in the source tree.
  await dialog.getByTestId('template-help').locator('summary').click()
  await expect(dialog.getByTestId('template-help')).toContainText('{{notebook}}')
  await expect(dialog.getByTestId('template-help')).toContainText('{{blockId}}')
  await expect(dialog).not.toContainText('docs/export-template.md')

  await editor.fill('# {{title}}\n\n{{#each highlights}}\n{{quote}\n{{/each}}\n')
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('alert')).toContainText('line 4')

  await editor.fill('# {{title}} (brief)\n\nid: {{id}}\n')
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByTestId('template-preview')).toContainText('(brief)')
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Template saved' })).toBeVisible()

  const outDir = join(app.dir, 'brief')
  await dialog.getByLabel('Folder').fill(outDir)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article')
  const [name] = readdirSync(outDir)
  expect(readFileSync(join(outDir, name!), 'utf8')).toMatch(/^# Harbour authorities.* \(brief\)\n\nid: [0-9a-f-]{36}\n$/)
})

test('highlights export as W3C annotations and as CSV, and the annotations file brings a deleted highlight back', async ({ page, app }) => {
  await sampleWithNote(page, app, 'Escorts are the sticking point')

  const outDir = join(app.dir, 'highlights')
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Folder').fill(outDir)
  await dialog.getByLabel(/W3C Web Annotations/).check()
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Export Highlights')
  await expect(dialog.getByRole('button', { name: 'Template…' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toHaveText(`Wrote 1 highlight to ${join(outDir, 'annotations.json')}.`)
  const collection = JSON.parse(readFileSync(join(outDir, 'annotations.json'), 'utf8')) as { type: string; first: { items: unknown[] } }
  expect(collection.type).toBe('AnnotationCollection')
  expect(JSON.stringify(collection)).toContain(PASSAGE)

  await dialog.getByLabel(/spreadsheet/).check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toHaveText(`Wrote 1 highlight to ${join(outDir, 'highlights.csv')}.`)
  const csv = readFileSync(join(outDir, 'highlights.csv'), 'utf8')
  expect(csv).toContain(PASSAGE)
  expect(csv).toContain('Escorts are the sticking point')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Deleted, then brought back from the annotations file through Import…, note and all.
  const mark = page.locator('mark.hl', { hasText: PASSAGE })
  await page.locator('.reader-title').click()
  await mark.click()
  await page.keyboard.press('Delete')
  await expect(mark).toHaveCount(0)
  await page.getByTestId('import-input').setInputFiles(join(outDir, 'annotations.json'))
  await expect(page.getByTestId('import-report')).toContainText('1 highlight placed')
  await expect(mark).toHaveCount(1)
  await mark.click()
  await expect(page.getByTestId('note-input')).toContainText('Escorts are the sticking point')
  expect(app.foreignRequests).toEqual([])
})
