import { encryptedPdf } from '../../src/main/services/import/test-documents'
import { expect, selectInReader, test } from './dossier-fixture'
import { findUntranslated, usePseudoLocale } from './untranslated'

// Written for this test: a Greek report, so no word of the article is ASCII and every ASCII word
// on screen is an interface string left outside the catalogs.
const TITLE = 'Τα λιμάνια ετοιμάζονται για την εποχή των πάγων'
const FIRST = 'Η λιμενική αρχή ανακοίνωσε τη Δευτέρα ότι τα πορθμεία θα επιστρέψουν στη γραμμή μετά από δύο εβδομάδες.'
const SECOND = 'Οι επικριτές λένε ότι η συμφωνία ευνοεί τα μεγάλα λιμάνια εις βάρος των μικρών.'
const ARTICLE = `<!doctype html><html lang="el"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1><p>${FIRST}</p><p>${SECOND}</p></article></body></html>`

/**
 * Key names that keyboard hints put into messages as arguments (formatKeys, keyHint): keys are
 * not translated (the "or" between them is). Everything else in ASCII letters is a string left in the code.
 */
const KEYS = /^(Ctrl|Alt|Shift|Cmd|Enter|Esc|Escape|PageUp|PageDown|Home|End|Tab|Space|Delete|Backspace)$/

/**
 * Issue 21, the pseudo-locale run over the reading side: the reader with its highlights, the
 * selected highlight's note, the notebook editor and its history, search results and the export
 * dialog with its template editor, the import report and the PDF password dialog show no string
 * outside the catalogs. Components of other areas drawn inside these views (grade chip, timeline
 * button) are left to their own walks.
 */
test('in the pseudo-locale every string of the reader, notes, notebook, search and export comes from a catalog', async ({ page, app }) => {
  // One story over five views, on a machine that may be busy.
  test.setTimeout(240_000)
  await page.goto(app.url)
  await usePseudoLocale(page, app)
  await page.getByTestId('import-input').setInputFiles({ name: 'limania.html', mimeType: 'text/html', buffer: Buffer.from(ARTICLE) })
  // Importing runs in a worker: on a loaded machine it can take a while.
  await expect(page.locator('.reader-title')).toHaveText(TITLE, { timeout: 60_000 })
  // A mark is named by its label, the analyst's own word (the default labels are English data);
  // a <time> is formatted by Intl, which the pseudo-locale runs in English.
  const elsewhere = '[data-testid="grade-chip"], .grade-picker, .add-to-timeline, mark.hl, time'
  const untranslated = (within: string) => findUntranslated(page, { within, exclude: elsewhere, allow: KEYS })
  // The import report: the file imported, with what cleaning set aside.
  expect(await untranslated('[data-testid="import-report"]')).toEqual([])

  // The reader, with a highlight made from the keyboard: its header, actions and the Highlights tab.
  await selectInReader(page, 'πορθμεία θα επιστρέψουν')
  await page.keyboard.press('h')
  // Graded from the keyboard: the toast names the grade and its meaning.
  await expect(page.getByTestId('highlight-list').locator('li')).toHaveCount(1)
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('notice')).toBeVisible()
  expect(await untranslated('[data-testid="notice"]')).toEqual([])
  await page.getByTestId('toggle-removed').click()
  expect(await untranslated('.reader')).toEqual([])
  const tabs = page.locator('.notes-pane [role="tab"]')
  await tabs.nth(0).click()
  await expect(page.getByTestId('highlight-list').locator('li')).toHaveCount(1)
  expect(await untranslated('.notes-pane')).toEqual([])

  // The new highlight's note, with its toolbar.
  await tabs.nth(1).click()
  await page.getByTestId('note-input').fill('Σημείωση για τα πορθμεία')
  expect(await untranslated('.notes-pane')).toEqual([])

  // The notebook, its Insert quote picker and its history.
  await tabs.nth(2).click()
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/notebook.save') && res.ok(), { timeout: 60_000 })
  await page.getByTestId('notebook-input').fill('Προσχέδιο εκτίμησης')
  await saved
  expect(await untranslated('.notes-pane')).toEqual([])
  await page.getByTestId('notebook-input').click()
  await page.keyboard.press('Control+Shift+H')
  await expect(page.getByTestId('history-dialog')).toBeVisible()
  await expect(page.getByTestId('revision').first()).toBeVisible()
  expect(await untranslated('[data-testid="history-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')

  // Search: its help, then results with a Greek word.
  await page.getByTestId('reader-text').click()
  await page.locator('body').press('/')
  await expect(page.getByTestId('search-help')).toBeVisible()
  expect(await untranslated('.search')).toEqual([])
  await page.getByTestId('search-input').fill('πορθμεία')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
  expect(await untranslated('.search')).toEqual([])

  // Export Markdown, and its template editor with the fields and helpers opened.
  await page.getByTestId('search-input').press('Escape')
  await page.getByTestId('search-input').press('Escape')
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.locator('.dialog-actions button').first().click()
  await dialog.getByTestId('template-help').locator('summary').click()
  await expect(dialog.locator('.template-editor textarea')).toBeVisible()
  expect(await untranslated('[data-testid="export-dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // An encrypted PDF: the password dialog, a wrong password, then the file left out. The report's
  // reason is the error code's sentence; main's own words after it are marked English (decision 0033).
  await page.getByTestId('import-input').setInputFiles({ name: 'sfragismeno.pdf', mimeType: 'application/pdf', buffer: Buffer.from(encryptedPdf('2026', 'limani')) })
  const password = page.getByTestId('pdf-password-dialog')
  await expect(password).toBeVisible({ timeout: 60_000 })
  expect(await untranslated('[data-testid="pdf-password-dialog"]')).toEqual([])
  await password.getByTestId('pdf-password-input').fill('lathos')
  await password.locator('button[type="submit"]').click()
  await expect(password.getByRole('alert')).toBeVisible({ timeout: 60_000 })
  expect(await untranslated('[data-testid="pdf-password-dialog"]')).toEqual([])
  await password.locator('.dialog-actions button[type="button"]').click()
  await expect(password).toBeHidden()
  await expect(page.getByTestId('import-report').locator('li.rejected')).toBeVisible()
  expect(await findUntranslated(page, { within: '[data-testid="import-report"]', exclude: '[lang="en"]' })).toEqual([])
})
