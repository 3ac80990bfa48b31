/**
 * PDF, Word and EPUB as an analyst meets them: import, read, the Page view of a PDF with a
 * highlight made on the page, and a PDF that asks for its password. Every fixture is generated
 * here (pdf-lib, fflate): no copied text is committed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { column, type LineSpec } from '../../src/shared/pdf/test-pages'
import { encryptedPdf, hostilePdf, makeDocx, makeEpub, makePdf, para } from '../../src/main/services/import/test-documents'
import { expectNoSeriousViolations } from './axe-check'
import { expect, highlightSelection, selectInReader, selectText, showTab, test } from './dossier-fixture'

const PARAGRAPHS = [
  'The harbour authority published its annual review of maritime security in the northern waters on Monday.',
  'Officials said that patrols doubled over the year while incidents at the outer anchorage fell by a third.',
  'Shipping companies welcomed the report but asked for clearer rules on convoy escorts near the straits.',
  'A parliamentary committee will hear the minister next month about the cost of the winter patrols.'
]

/** A four-page report: a running head and page numbers on every page, one paragraph per page. */
function report(): Promise<Uint8Array> {
  const pages: LineSpec[][] = PARAGRAPHS.map((p, n) => [
    { text: 'Northern Waters Review', x: 72, y: 800, size: 8 },
    ...column([p], 72, 700, 70, 12).lines,
    { text: String(n + 1), x: 290, y: 40, size: 8 }
  ])
  return makePdf({ pages, title: 'Northern waters review 2026' })
}

async function importFile(page: Page, name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) })
}

/** Selects words on a page of the Page view, in pdf.js's text layer, as a mouse drag would. */
async function selectOnPage(page: Page, pageNumber: number, phrase: string): Promise<void> {
  await selectText(page, `[data-page="${pageNumber}"] .pdf-text-layer`, phrase, `"${phrase}" is on page ${pageNumber}`)
}

test('a PDF: read it, switch to the Page view, highlight on the page, see it with its page', async ({ page, app }) => {
  const cspErrors: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text())
  })
  await page.goto(app.url)
  await importFile(page, 'report_final_v3.pdf', await report(), 'application/pdf')
  await expect(page.locator('.reader-title')).toHaveText('Northern waters review 2026')
  await expect(page.getByTestId('reader-text')).toContainText('fell by a third')
  // The running head is set aside, not read as text.
  await expect(page.getByTestId('reader-text')).not.toContainText('Northern Waters Review')

  // The Page view: real pages painted by pdf.js, their text selectable over them.
  await page.getByTestId('page-view-button').click()
  await expect(page.getByTestId('page-view')).toBeVisible()
  await expect(page.getByTestId('page-count')).toHaveText('of 4')
  await expect(page.locator('[data-page="1"] canvas[data-painted]')).toHaveCount(1)
  await expect(page.locator('[data-page="1"] .pdf-text-layer')).toContainText('annual review')

  // PgDn turns the page; the page field follows.
  await page.locator('.reader-title').click()
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('page-number')).toHaveValue('2')
  await expect(page.locator('[data-page="2"] .pdf-text-layer')).toContainText('outer anchorage')

  // Select on page 2 and press H: the same highlight as in the Text view, cited by its page.
  await selectOnPage(page, 2, 'patrols doubled over the year')
  await highlightSelection(page)
  await showTab(page, 'Highlights')
  const item = page.getByTestId('highlight-list').locator('li')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('patrols doubled over the year')
  await expect(item).toContainText('p. 2')
  // Drawn on the page where its words are.
  await expect(page.locator('[data-page="2"] .pdf-mark').first()).toBeVisible()
  await expectNoSeriousViolations(page, 'the Page view with a highlight')

  // The view is remembered for this document; the Text view shows the same highlight as a mark.
  await page.reload()
  await expect(page.getByTestId('page-view')).toBeVisible()
  await page.getByRole('button', { name: 'Text', exact: true }).click()
  await expect(page.locator('mark.hl')).toHaveText('patrols doubled over the year')


  // The highlight's page in the panel opens the Page view there.
  await page.getByTestId('highlight-page').click()
  await expect(page.getByTestId('page-view')).toBeVisible()
  await expect(page.getByTestId('page-number')).toHaveValue('2')

  // A search hit in the PDF cites its page; its page opens the Page view at that page.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Search' }).click()
  await page.getByTestId('search-input').fill('convoy escorts')
  const hit = page.getByTestId('search-hit').filter({ hasText: 'convoy' }).first()
  await expect(hit.getByTestId('search-hit-page')).toHaveText('p. 3')
  await hit.getByTestId('search-hit-page').click()
  await expect(page.getByTestId('page-number')).toHaveValue('3')
  await expect(page.locator('[data-page="3"] .pdf-text-layer')).toContainText('convoy escorts')

  // A second highlight, on page 3, is selected as it is made. The first one's mark on page 2 is
  // clickable through the text layer over it: a click opens that highlight in the panel, selected.
  await page.locator('[data-page="3"]').click({ position: { x: 5, y: 5 } })
  await selectOnPage(page, 3, 'clearer rules')
  await page.keyboard.press('h')
  await expect(page.getByRole('button', { name: 'Key fact: clearer rules' })).toHaveAttribute('aria-pressed', 'true')
  const firstMark = page.getByRole('button', { name: 'Key fact: patrols doubled over the year' })
  await expect(firstMark).toHaveAttribute('aria-pressed', 'false')
  await firstMark.scrollIntoViewIfNeeded()
  const drawn = (await firstMark.boundingBox())!
  await page.mouse.click(drawn.x + drawn.width / 2, drawn.y + drawn.height / 2)
  await expect(firstMark).toHaveAttribute('aria-pressed', 'true')
  await showTab(page, 'Highlights')
  await expect(item.filter({ hasText: 'patrols doubled' }).locator('.highlight-item')).toHaveAttribute('aria-current', 'true')

  // Exported to Markdown, the quote is cited by its page.
  const outDir = join(app.dir, 'vault')
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const exportDialog = page.getByRole('dialog', { name: 'Export Markdown' })
  await exportDialog.getByLabel('Folder').fill(outDir)
  await exportDialog.getByLabel('The whole library').check()
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(exportDialog.getByTestId('export-result')).toContainText('Exported 1 article')
  const markdown = readFileSync(join(outDir, readdirSync(outDir)[0]!), 'utf8')
  expect(markdown).toMatch(/^> patrols doubled over the year\n>\n> p\. 2 · \[Open in Dossier\]\(dossier:\/\/highlight\//m)
  expect(markdown).toMatch(/^> clearer rules\n>\n> p\. 3 · \[Open in Dossier\]\(dossier:\/\/highlight\//m)

  expect(cspErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
})

test('Word and EPUB keep their headings and chapters; an encrypted PDF asks for its password, in the import and in the Page view', async ({ page, app }) => {
  await page.goto(app.url)
  const reader = page.getByTestId('reader-text')

  const memo = makeDocx({
    body: [para('Pact on winter escorts', 'Heading1'), para('The ministers agreed on shared escorts for the winter.'), para('Next steps', 'Heading2'), para('Officials meet again in March.')].join(''),
    core: { title: 'Memo on the harbour pact', creator: 'Desk Officer' }
  })
  await importFile(page, 'memo.docx', memo, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  await expect(page.locator('.reader-title')).toHaveText('Memo on the harbour pact')
  await expect(reader.getByRole('heading', { name: 'Next steps' })).toBeVisible()
  await expect(reader).toContainText('shared escorts for the winter')
  // Highlighted in the Word memo: the quote is stored and listed.
  await selectInReader(page, 'shared escorts for the winter')
  await highlightSelection(page)
  await showTab(page, 'Highlights')
  await expect(page.getByTestId('highlight-list').locator('li')).toHaveCount(1)
  await expect(page.getByTestId('highlight-list').locator('li')).toContainText('shared escorts for the winter')
  await expect(reader.locator('mark.hl')).toHaveText('shared escorts for the winter')

  const book = makeEpub({
    title: 'A Winter in the Straits',
    creators: ['Field Writer'],
    chapters: [
      { file: 'one.xhtml', body: '<h1>Chapter One: Ice</h1><p>The straits froze early that year.</p>' },
      { file: 'two.xhtml', body: '<h1>Chapter Two: Thaw</h1><p>By March the convoys ran again.</p>' }
    ]
  })
  await importFile(page, 'winter.epub', book, 'application/epub+zip')
  await expect(page.locator('.reader-title')).toHaveText('A Winter in the Straits')
  // Chapters in spine order, each under its heading (the manifest lists them the other way round).
  await expect(reader.getByRole('heading')).toHaveText(['Chapter One: Ice', 'Chapter Two: Thaw'])
  // Highlighted in the book's second chapter: the panel lists this book's highlight only.
  await selectInReader(page, 'the convoys ran again')
  await page.keyboard.press('h')
  await expect(page.getByTestId('highlight-list').locator('li')).toHaveCount(1)
  await expect(page.getByTestId('highlight-list').locator('li')).toContainText('the convoys ran again')
  await expect(reader.locator('mark.hl')).toHaveText('the convoys ran again')

  // An encrypted PDF: a dialog asks for the password, says when it is wrong, and imports with the right one.
  await importFile(page, 'sealed.pdf', encryptedPdf('Sealed memo on the escort budget.', 'harbour'), 'application/pdf')
  const dialog = page.getByTestId('pdf-password-dialog')
  await expect(dialog).toContainText('sealed.pdf')
  await expectNoSeriousViolations(page, 'the PDF password dialog', '[role="dialog"]')
  await dialog.getByTestId('pdf-password-input').fill('wrong')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('That password is not right. Try again.')
  await dialog.getByTestId('pdf-password-input').fill('harbour')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  await expect(reader).toContainText('Sealed memo on the escort budget.')
  await expect(page.getByTestId('import-report')).toContainText('Imported')

  // The stored original is still encrypted: the Page view asks for the password too.
  await page.getByTestId('page-view-button').click()
  const ask = page.getByTestId('page-password')
  await ask.getByLabel(/password/i).fill('harbour')
  await ask.getByRole('button', { name: 'Show pages' }).click()
  await expect(page.locator('[data-page="1"] .pdf-text-layer')).toContainText('Sealed memo')

  // A PDF with a JavaScript open action, launch and URI links, an embedded file and an XFA form:
  // its page is drawn, and nothing in it runs, opens or calls out, even when its links are clicked.
  const dialogs: string[] = []
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()))
  const popups: string[] = []
  page.on('popup', (p) => popups.push(p.url()))
  await importFile(page, 'hostile.pdf', await hostilePdf(), 'application/pdf')
  await expect(page.locator('article.reader')).toContainText('hostile parts that must never run')
  await page.getByTestId('page-view-button').click()
  await expect(page.getByTestId('page-view')).toBeVisible()
  const hostilePage = page.locator('[data-page="1"]')
  await expect(hostilePage.locator('canvas[data-painted]')).toHaveCount(1)
  await expect(hostilePage.locator('.pdf-text-layer')).toContainText('hostile parts that must never run')
  await expect(page.locator('.pdf-pages').locator('a, iframe, object, embed, form')).toHaveCount(0)
  const url = page.url()
  const box = (await hostilePage.boundingBox())!
  // Where the launch and URI links sit (y 700–720 and 660–680 of 842 points, from the bottom).
  for (const y of [710, 670]) await page.mouse.click(box.x + box.width * (150 / 595), box.y + box.height * ((842 - y) / 842))
  await page.waitForTimeout(500)
  expect(dialogs).toEqual([])
  expect(popups).toEqual([])
  expect(page.url()).toBe(url)
  expect(app.foreignRequests).toEqual([])
})
