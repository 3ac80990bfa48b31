import type { Page } from '@playwright/test'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expectNoSeriousViolations } from './axe-check'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

const rail = (page: Page) => page.getByRole('navigation', { name: 'Views' })
const path = (page: Page) => {
  const url = new URL(page.url())
  return url.pathname + url.search
}
const width = (page: Page, selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().width))

test('the command palette lists commands with their keys, and runs an export and a theme switch', async ({ page, app }) => {
  await openSample(page, app)
  await page.keyboard.press('Control+Shift+P')
  const palette = page.getByTestId('command-palette')
  await expect(palette.getByRole('combobox', { name: 'Type a command' })).toBeFocused()
  // Every command is listed with the keys of its row in the shortcut table.
  await expect(palette.locator('[data-command="file.export"] kbd')).toHaveText('Ctrl/⌘ Shift E')
  await expect(palette.locator('[data-command="theme.dark"]')).toBeVisible()

  await page.keyboard.type('export mark')
  // Export Markdown… first; the brief's export (which writes Markdown too) follows it.
  await expect(palette.getByRole('option').first()).toContainText('Export Markdown…')
  await expect(palette.getByRole('option')).toHaveCount(2)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await expect(dialog).toBeVisible()
  const outDir = join(app.dir, 'from-palette')
  await dialog.getByLabel('Folder').fill(outDir)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article')
  expect(readdirSync(outDir).filter((f) => f.endsWith('.md'))).toHaveLength(1)
  await dialog.getByRole('button', { name: 'Close' }).click()

  const background = () => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('theme light')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  const light = await background()
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('theme dark')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await background()).not.toBe(light)
  // A setting like any other: it stays after a reload.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('every view has a URL: reload keeps it, back and forward walk through it', async ({ page, app }) => {
  await openSample(page, app)
  expect(path(page)).toMatch(/^\/article\/[0-9a-f-]{36}$/)
  const articlePath = path(page)

  // Each rail entry is a route that survives a reload.
  const entries = await rail(page).getByRole('button').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''))
  expect(entries).toEqual(expect.arrayContaining(['Library', 'Search']))
  for (const name of entries) {
    await rail(page).getByRole('button', { name }).click()
    await expect(rail(page).getByRole('button', { name })).toHaveAttribute('aria-current', 'page')
    await page.reload()
    await expect(rail(page).getByRole('button', { name })).toHaveAttribute('aria-current', 'page')
    await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  }

  // The search query is part of the route.
  const search = rail(page).getByRole('button', { name: 'Search' })
  if ((await search.getAttribute('aria-current')) !== 'page') await search.click()
  await page.getByTestId('search-input').fill('icebreaker')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
  expect(path(page)).toContain('q=icebreaker')
  await page.reload()
  await expect(page.getByTestId('search-input')).toHaveValue('icebreaker')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()

  // A highlight is a route: reloading selects it again.
  await rail(page).getByRole('button', { name: 'Library' }).click()
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await expect.poll(() => path(page)).toMatch(/^\/highlight\/[0-9a-f-]{36}/)
  await page.reload()
  await expect(page.locator('mark.hl')).toHaveClass(/selected/)

  // Back and forward: the library at home, the article, the search view beside it.
  await page.goto(app.at('/'))
  await expect(page.locator('.reader-title')).toHaveCount(0)
  await page.getByRole('button', { name: /Harbour authorities/ }).click()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  expect(path(page)).toBe(articlePath)
  await rail(page).getByRole('button', { name: 'Search' }).click()
  await expect.poll(() => path(page)).toContain('view=search')
  await page.goBack()
  await expect(rail(page).getByRole('button', { name: 'Library' })).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  await page.goBack()
  await expect(page.locator('.reader-title')).toHaveCount(0)
  await page.goForward()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  await page.goForward()
  await expect(rail(page).getByRole('button', { name: 'Search' })).toHaveAttribute('aria-current', 'page')
})

test('the panes resize by mouse and keyboard and keep their sizes after a reload', async ({ page, app }) => {
  await openSample(page, app)
  const side = await width(page, '.side-panel')
  const handle = (await page.getByTestId('splitter-side').boundingBox())!
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 200)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + 200, { steps: 8 })
  await page.mouse.up()
  await expect.poll(() => width(page, '.side-panel')).toBe(side + 80)

  const sidebar = await width(page, '.notes-pane')
  await page.getByTestId('splitter-sidebar').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft')
  await expect.poll(() => width(page, '.notes-pane')).toBe(sidebar + 48)

  await page.reload()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  expect(await width(page, '.side-panel')).toBe(side + 80)
  expect(await width(page, '.notes-pane')).toBe(sidebar + 48)

  // The rail folds the side panel away and brings it back at the same width.
  await rail(page).getByRole('button', { name: 'Library' }).click()
  await expect(page.locator('.side-panel')).toBeHidden()
  await page.reload()
  await expect(page.locator('.side-panel')).toBeHidden()
  await rail(page).getByRole('button', { name: 'Library' }).click()
  expect(await width(page, '.side-panel')).toBe(side + 80)
})

test('the side panel widens over the workspace, keeps it after a reload, and gives the reader its place back when an article opens', async ({ page, app }) => {
  await openSample(page, app)
  const widen = page.getByRole('button', { name: 'Widen the panel' })
  await widen.click()
  await expect(widen).toHaveAttribute('aria-pressed', 'true')
  // The reader and the sidebar are set aside, the panel has their width.
  await expect(page.locator('.reader')).toBeHidden()
  await expect(page.locator('.notes-pane')).toBeHidden()
  const viewport = page.viewportSize()!
  expect(await width(page, '.side-panel')).toBeGreaterThan(viewport.width * 0.8)
  await expectNoSeriousViolations(page, 'the widened side panel')

  await page.reload()
  await expect(page.getByRole('button', { name: 'Widen the panel' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('.reader')).toBeHidden()

  // From the command palette too: back to the panel's own width, the reader beside it.
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('Widen or Narrow')
  await page.keyboard.press('Enter')
  await expect(widen).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')

  // Widened again, an article opened (here, imported) is read: the reader comes back.
  await widen.click()
  await expect(page.locator('.reader')).toBeHidden()
  await page.getByTestId('import-input').setInputFiles({ name: 'memo.md', mimeType: 'text/markdown', buffer: Buffer.from('# Ferry timetable\n\nThe ferry runs twice a day in winter.\n') })
  await expect(page.locator('.reader-title')).toHaveText('Ferry timetable')
  await expect(widen).toHaveAttribute('aria-pressed', 'false')
})

for (const [name, viewport] of [
  ['1024 px', { width: 1024, height: 768 }],
  ['200% zoom on a 1024 px window', { width: 512, height: 384 }]
] as const) {
  test(`at ${name} nothing scrolls sideways and the toolbar stays one line`, async ({ page, app }) => {
    await page.setViewportSize(viewport)
    await openSample(page, app)
    await selectInReader(page, 'shared icebreaker schedule')
    await page.keyboard.press('h')
    await expect(page.locator('mark.hl')).toHaveCount(1)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBe(0)
    const toolbar = (await page.locator('header.toolbar').boundingBox())!
    expect(toolbar.height).toBeLessThanOrEqual(48)
    // The reader keeps a usable measure.
    expect(await width(page, '.reader')).toBeGreaterThan(viewport.width / 5)
  })
}

test('deleting a highlight says so, with Undo that brings it back', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.locator('.reader-title').click()
  await page.keyboard.press('Delete')
  await expect(page.locator('mark.hl')).toHaveCount(0)
  const toast = page.getByTestId('notice').filter({ hasText: 'Highlight deleted' })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('mark.hl')).toHaveCount(1)
})

test('screenshots of the shell in light, dark and forced colours', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  const dir = testInfo.outputPath('screenshots')
  mkdirSync(dir, { recursive: true })
  for (const [name, media] of [
    ['light', { colorScheme: 'light', forcedColors: 'none' }],
    ['dark', { colorScheme: 'dark', forcedColors: 'none' }],
    ['forced-colors', { colorScheme: 'light', forcedColors: 'active' }]
  ] as const) {
    await page.emulateMedia(media)
    // The theme setting is "system" here, so the page follows the emulated scheme.
    await expect(page.locator('html')).toHaveAttribute('data-theme', media.colorScheme)
    const file = join(dir, `shell-${name}.png`)
    const body = await page.screenshot({ path: file })
    await testInfo.attach(`shell-${name}`, { body, contentType: 'image/png' })
  }
  const colours = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(colours).toBeTruthy()
})
