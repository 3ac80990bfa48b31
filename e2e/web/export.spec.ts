import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { allTokens, splitFrontMatter } from '../../src/shared/markdown/markdown-parse'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

const PASSAGE = 'shared icebreaker schedule'

test('export from the keyboard shortcut and dialog, read the files, and re-export without clobbering an edit', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  await page.getByTestId('note-input').click()
  await page.keyboard.type('Check who pays for the escorts')
  await expect(page.getByTestId('save-status')).toHaveText('Saved')

  // File > Export Markdown… is Ctrl/Cmd+Shift+E, in the menu and in the page alike.
  const outDir = join(app.dir, 'vault')
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await dialog.getByLabel('Folder').fill(outDir)
  await dialog.getByLabel('The whole library').check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Wrote 1 file')
  await expect(dialog.getByTestId('export-result')).toContainText('1 new')

  const [name] = readdirSync(outDir)
  const markdown = readFileSync(join(outDir, name!), 'utf8')
  const { meta, body } = splitFrontMatter(markdown)
  expect(meta).toMatchObject({ title: expect.stringContaining('Harbour authorities'), dossier_id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  expect(meta.dossier_url).toBe(`dossier://article/${meta.dossier_id}`)
  const tokens = allTokens(body)
  expect(tokens.filter((t) => t.type.startsWith('html'))).toEqual([])
  expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(1)
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
  expect(app.foreignRequests).toEqual([])
})

test('the template editor names the line of a broken template, and a saved template shapes the export', async ({ page, app }) => {
  await openSample(page, app)
  await page.getByRole('button', { name: 'Export Markdown…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await dialog.getByRole('button', { name: 'Template…' }).click()
  const editor = dialog.getByRole('textbox', { name: 'Export template' })
  await expect(editor).toHaveValue(/## Highlights/)

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
  await expect(dialog.getByTestId('export-result')).toContainText('Wrote 1 file')
  const [name] = readdirSync(outDir)
  expect(readFileSync(join(outDir, name!), 'utf8')).toMatch(/^# Harbour authorities.* \(brief\)\n\nid: [0-9a-f-]{36}\n$/)
})
