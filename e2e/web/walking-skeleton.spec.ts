import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scraped-article.txt')
const TITLE = 'Grain corridor talks stall as insurers demand naval escorts'
const PASSAGE = 'insurers said they would not cover cargo ships on the new corridor'

test('import, highlight with the keyboard, note, reload, export', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByTestId('library-empty')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('empty-library.png') })

  // Import through the same file picker that File > Import… opens.
  await page.getByTestId('import-input').setInputFiles(FIXTURE)
  await expect(page.getByTestId('import-report')).toContainText('Imported')
  await expect(page.locator('.reader-title')).toHaveText(TITLE)

  // Highlight with the keyboard: select, then H.
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  const mark = page.locator('mark.hl')
  await expect(mark).toHaveText(PASSAGE)
  await expect(page.getByTestId('highlight-list')).toContainText(PASSAGE)

  // Write a note with formatting, using Markdown shortcuts and the keyboard.
  const note = page.getByTestId('note-input')
  await note.click()
  await page.keyboard.type('Insurers set the terms, not the ')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type('governments')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- check escort command')
  await expect(page.getByTestId('save-status')).toHaveText('Saved')
  await page.screenshot({ path: testInfo.outputPath('main-window.png') })

  // Close the app and open it again: everything is still there.
  await app.restart()
  await page.goto(app.url)
  await page.getByRole('button', { name: new RegExp(TITLE) }).click()
  await expect(page.locator('mark.hl')).toHaveText(PASSAGE)
  await page.locator('mark.hl').click()
  await expect(page.getByTestId('note-input')).toContainText('Insurers set the terms, not the governments')
  await expect(page.getByTestId('note-input').locator('strong, .note-bold').first()).toHaveText('governments')
  await expect(page.getByTestId('note-input').locator('li')).toHaveText('check escort command')

  // Export this article's notes to Markdown.
  const outDir = join(app.dir, 'export')
  await page.getByRole('button', { name: 'Export Markdown…' }).click()
  await page.getByLabel('Folder').fill(outDir)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(page.getByTestId('export-result')).toContainText('Exported 1 article')

  const files = readdirSync(outDir)
  expect(files).toEqual([`${TITLE}.md`])
  const markdown = readFileSync(join(outDir, files[0]!), 'utf8')
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? []
  const meta = parseYaml(yaml!) as Record<string, unknown>
  expect(meta.title).toBe(TITLE)
  expect(typeof meta.imported).toBe('string')
  expect(meta.dossier_id).toMatch(/^[0-9a-f-]{36}$/)
  expect(body).toContain(`# ${TITLE}`)
  expect(body).toContain(`> ${PASSAGE}`)
  expect(body).toContain('Insurers set the terms, not the **governments**')
  // The note travels inside its highlight's quote (docs/export-template.md).
  expect(body).toMatch(/^> > - check escort command$/m)
  expect(body).not.toMatch(/<[a-z][^>]*>/i)
  expect(app.foreignRequests).toEqual([])
})

test('a note typed just before a reload is not lost', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await page.getByTestId('note-input').click()
  await page.keyboard.type('Typed and reloaded at once')
  await page.reload()
  await page.getByRole('button', { name: /Harbour authorities/ }).click()
  await page.locator('mark.hl').click()
  await expect(page.getByTestId('note-input')).toContainText('Typed and reloaded at once')
})

test('an empty file is refused with a message naming it, and nothing is imported', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles({ name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n\n ') })
  await expect(page.getByTestId('import-report')).toContainText('blank.txt: the file is empty')
  await expect(page.getByTestId('library-empty')).toBeVisible()
})

test('the loopback server refuses API calls without the token; a page load has no failed request', async ({ request, app, page }) => {
  const response = await request.post(`${app.origin}/api/library.list`, { data: {} })
  expect(response.status()).toBe(401)
  const failed: string[] = []
  page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)))
  page.on('console', (m) => void (m.type() === 'error' && failed.push(m.text())))
  await page.goto(app.url)
  await expect(page.getByTestId('library-empty')).toBeVisible()
  expect((await request.get(`${app.origin}/favicon.ico`)).status()).toBe(200)
  expect(failed).toEqual([])
})
