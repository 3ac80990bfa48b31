import Database from 'better-sqlite3'
import { HIGHLIGHT_QUOTE_TYPE } from '../../src/shared/notes/nodes/HighlightQuoteNode'
import { expect, openSample, selectInReader, test } from './dossier-fixture'
import type { Page } from '@playwright/test'

const TITLE = /Harbour authorities/

/** Opens the sample and highlights two passages, as an analyst starting a notebook would. */
async function sampleWithHighlights(page: Page, app: Parameters<typeof openSample>[1]) {
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await selectInReader(page, 'Insurers have pushed for it quietly')
  await page.keyboard.press('2')
  await expect(page.locator('mark.hl')).toHaveCount(2)
}

async function reopenSample(page: Page) {
  await page.getByRole('button', { name: TITLE }).click()
  await showNotebook(page)
  await expect(page.getByTestId('notebook-input')).toBeVisible()
}

/** The notebook has its own tab in the sidebar beside the reader. */
async function showNotebook(page: Page) {
  await page.getByRole('tab', { name: 'Notebook' }).click()
}

test('a notebook typed into and reloaded at once keeps every word', async ({ page, app }) => {
  await openSample(page, app)
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  await page.keyboard.type('# Assessment')
  await page.keyboard.press('Enter')
  await page.keyboard.type('The pact holds if insurers agree')
  await page.reload()
  await reopenSample(page)
  await expect(page.getByTestId('notebook-input').locator('h1')).toHaveText('Assessment')
  await expect(page.getByTestId('notebook-input')).toContainText('The pact holds if insurers agree')
})

test('closing the page right after typing loses nothing', async ({ page, app, context }) => {
  await sampleWithHighlights(page, app)
  await page.getByTestId('note-input').click()
  await page.keyboard.type('Typed, then the tab was closed')
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  await page.keyboard.type('Notebook line typed last')
  await page.close({ runBeforeUnload: true })

  const again = await context.newPage()
  await again.goto(app.url)
  await reopenSample(again)
  await expect(again.getByTestId('notebook-input')).toContainText('Notebook line typed last')
  await again.locator('mark.hl').last().click()
  await expect(again.getByTestId('note-input')).toContainText('Typed, then the tab was closed')
})

test('closing the page while a note too big to send on the way out is unsaved asks first; staying saves it', async ({ page, app, context }) => {
  await openSample(page, app)
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  // About 80 KB: more than a request that outlives the page may carry (64 KB).
  const paragraph = 'The pact holds only if insurers agree to cover winter sailings. '
  await page.keyboard.insertText(paragraph.repeat(1300))
  const asked = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const dialog = await asked
  expect(dialog.type()).toBe('beforeunload')
  await dialog.dismiss()
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')

  const again = await context.newPage()
  await again.goto(app.url)
  await reopenSample(again)
  const saved = await again.getByTestId('notebook-input').innerText()
  expect(saved.length).toBeGreaterThanOrEqual(paragraph.length * 1300 - 1300)
})

test('typed characters reach the editor, never the single-key shortcuts', async ({ page, app }) => {
  await sampleWithHighlights(page, app)
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  await page.keyboard.type('Is it 1? [n] / h 2')
  await page.keyboard.press('Backspace')
  await expect(page.getByTestId('notebook-input')).toHaveText('Is it 1? [n] / h ')
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0)
  await expect(page.locator('mark.hl')).toHaveCount(2)
})

test('a quote inserted into an empty notebook is its first block, with no blank line above it', async ({ page, app }) => {
  await sampleWithHighlights(page, app)
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  await page.keyboard.press('ControlOrMeta+Alt+q')
  await page.keyboard.type('insurers')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('quote-node')).toHaveCount(1)
  // Typing goes on below the quote.
  await page.keyboard.type('Below the quote')
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')
  // As saved: the quote, then the line typed; no empty paragraph before the quote.
  const db = new Database(app.dbPath, { readonly: true })
  const content = db.prepare('SELECT content FROM notebooks').pluck().get() as string
  db.close()
  const blocks = (JSON.parse(content) as { root: { children: { type: string; children?: { text?: string }[] }[] } }).root.children
  expect(blocks.map((b) => b.type)).toEqual([HIGHLIGHT_QUOTE_TYPE, 'paragraph'])
  expect(blocks[1]!.children?.[0]?.text).toBe('Below the quote')
})

test('Insert quote adds a quote node that jumps to its passage, and says so when the highlight is deleted', async ({ page, app }) => {
  await sampleWithHighlights(page, app)
  await showNotebook(page)
  await page.getByTestId('notebook-input').click()
  await page.keyboard.type('Why the pact matters:')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ControlOrMeta+Alt+q')
  const picker = page.getByTestId('quote-picker')
  await expect(picker).toBeVisible()
  await page.keyboard.type('insurers')
  await page.keyboard.press('Enter')
  await expect(picker).toBeHidden()

  const quote = page.getByTestId('quote-node')
  await expect(quote).toHaveCount(1)
  await expect(quote).toContainText('Insurers have pushed for it quietly')
  await expect(quote).toContainText('Claim')
  await expect(quote).toContainText('Harbour authorities')
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')

  // Scroll the reader away, then click the quote: the passage comes back into view and flashes.
  await page.locator('[data-testid="reader-text"]').evaluate((el) => el.closest('.reader')?.scrollTo(0, 0))
  await quote.locator('blockquote').click()
  const mark = page.locator('mark.hl', { hasText: 'Insurers have pushed for it quietly' })
  await expect(mark).toHaveAttribute('data-flash')
  await expect(mark).toBeInViewport()

  // Delete the highlight: the quote stays, and says its highlight is gone; after a reload too.
  await page.locator('.reader-title').click()
  await page.keyboard.press('Delete')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await expect(quote).toHaveAttribute('data-state', 'deleted')
  await expect(quote).toContainText('Its highlight was deleted')
  await expect(quote).toContainText('Insurers have pushed for it quietly')
  await page.reload()
  await reopenSample(page)
  await expect(page.getByTestId('quote-node')).toHaveAttribute('data-state', 'deleted')
})

test.describe('on a tall window', () => {
  test.use({ viewport: { width: 1280, height: 1100 } })

  test('dragging a highlight from the Highlights tab over the Notebook tab into the notebook quotes it', async ({ page, app }) => {
  await sampleWithHighlights(page, app)
  await page.getByRole('tab', { name: /Highlights/ }).click()
  const item = page.getByTestId('highlight-list').getByRole('button', { name: /shared icebreaker schedule/ })
  // Step by step, as a hand would: Chromium starts an HTML drag only after the pointer moves.
  const from = (await item.boundingBox())!
  const tab = (await page.getByRole('tab', { name: 'Notebook' }).boundingBox())!
  await page.mouse.move(from.x + 10, from.y + 5)
  await page.mouse.down()
  await page.mouse.move(from.x + 30, from.y + 20, { steps: 5 })
  // Held over its tab, the notebook comes forward to take the drop.
  await page.mouse.move(tab.x + 10, tab.y + 5, { steps: 10 })
  await expect(page.getByTestId('notebook-input')).toBeVisible()
  const to = (await page.getByTestId('notebook-input').boundingBox())!
  await page.mouse.move(to.x + 20, to.y + 10, { steps: 10 })
  await page.mouse.up()
  const quote = page.getByTestId('quote-node')
  await expect(quote).toHaveCount(1)
  await expect(quote).toContainText('shared icebreaker schedule')
  await expect(quote).toHaveAttribute('data-state', 'live')
  // The drop quoted the highlight; it did not try to import anything.
  await expect(page.locator('.article-item')).toHaveCount(1)
  await expect(page.getByTestId('notebook-save-status')).toHaveText('Saved')
  await page.reload()
  await reopenSample(page)
  await expect(page.getByTestId('quote-node')).toContainText('shared icebreaker schedule')
  })
})

test('check lists by typing [ ], and History restores an earlier version', async ({ page, app }) => {
  await openSample(page, app)
  const notebook = page.getByTestId('notebook-input')
  const status = page.getByTestId('notebook-save-status')
  await showNotebook(page)
  await notebook.click()
  await page.keyboard.type('[ ] call the port authority')
  await expect(notebook.locator('li[role="checkbox"], li.note-li-unchecked')).toHaveText('call the port authority')
  await expect(status).toHaveText('Saved')

  // Tick it with the keyboard-free click on its box; the tick is saved.
  const item = notebook.locator('li').first()
  await item.click({ position: { x: 4, y: 8 } })
  await expect(item).toHaveAttribute('aria-checked', 'true')
  await expect(status).toHaveText('Saved')

  // A later edit that the analyst regrets.
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Everything replaced by mistake')
  await expect(status).toHaveText('Saved')

  await page.keyboard.press('ControlOrMeta+Shift+h')
  const history = page.getByTestId('history-dialog')
  await expect(history).toBeVisible()
  // The newest revision is the rewrite (shown whole, or as what it changed when a save landed
  // while it was being typed).
  await expect(history.getByTestId('revision').first()).toContainText('by mistake')
  // The current version names the list as removed text, so look among the earlier ones.
  await history
    .getByTestId('revision')
    .filter({ hasNot: page.locator('.revision-current') })
    .filter({ hasText: 'call the port authority' })
    .first()
    .getByRole('button', { name: 'Restore' })
    .click()
  await expect(history).toBeHidden()
  await expect(page.getByTestId('notebook-input').locator('li')).toHaveText('call the port authority')
  await expect(page.getByTestId('notebook-input').locator('li')).toHaveAttribute('aria-checked', 'true')

  // The restore is itself a save: it survives a reload and heads the history.
  await page.reload()
  await reopenSample(page)
  await expect(page.getByTestId('notebook-input').locator('li')).toHaveText('call the port authority')
  await page.getByRole('button', { name: 'History' }).last().click()
  await expect(page.getByTestId('revision').first()).toContainText('call the port authority')
})
