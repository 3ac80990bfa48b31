import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOSTILE_CSL, TINY_CSL_STYLE } from '../../test/support/hostile-csl'
import { expect, selectInReader, test } from './dossier-fixture'

/** The words of a PDF, read with pdf.js as any reader would. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages.join('\n').replace(/\s+/g, ' ')
}

/**
 * Issue 20's brief, as the analyst writes it: a case, two highlights quoted into the case's brief
 * with a key judgement between them and the case's entity list, check mode naming the one uncited
 * sentence and asking before export, the brief as Markdown and Word with the quotes cited in
 * footnotes, another CSL style picked (a hostile one refused) and Chicago again, then the print
 * view, whose print styles show the brief alone and make a PDF.
 */
test('write a brief with two quotes, a key judgement and the entity list, check it, export Markdown and Word, change the style, print to PDF', async ({ page, app }) => {
  test.setTimeout(120_000)
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles({
    name: 'port.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '---\ntitle: Port closes after storm\nsource: Harbour Gazette\nauthor: Ana Silva\nurl: https://gazette.example/port\n---\n\nThe port closed on Monday after the storm. Ships waited offshore for two days.\n\nDeputy Minister Ömer Faruk Kaya said in Ankara that the port would reopen.\n'
    )
  })
  await expect(page.locator('.reader-title')).toHaveText('Port closes after storm')
  for (const [i, phrase] of ['The port closed on Monday after the storm.', 'Ships waited offshore for two days.'].entries()) {
    await selectInReader(page, phrase)
    await page.keyboard.press('h')
    await expect(page.locator('mark.hl')).toHaveCount(i + 1)
  }

  // A case holding the article.
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  await page.getByTestId('case-dialog').getByTestId('case-name').fill('Harbour')
  await page.getByTestId('case-dialog').getByRole('button', { name: 'Create' }).click()
  await page.getByTestId('rail-cases').click()
  await page.getByTestId('case-add-article').click()
  await expect(page.getByTestId('case-articles').getByRole('listitem')).toHaveCount(1)

  // The brief: a key judgement, a quote, a sentence, a second quote, and an uncited closing line.
  const brief = page.getByTestId('case-notebook-input')
  const toolbar = page.getByRole('toolbar', { name: 'Brief formatting' })
  const quote = async (words: string) => {
    await toolbar.getByRole('button', { name: 'Insert quote' }).click()
    const picker = page.getByTestId('quote-picker')
    await picker.getByRole('textbox', { name: 'Find a highlight' }).fill(words)
    await page.keyboard.press('Enter')
    await expect(picker).toHaveCount(0)
  }
  await brief.click()
  await page.keyboard.type('We assess it likely that the port reopens within a week.')
  await toolbar.getByRole('button', { name: 'Key judgement' }).click()
  await expect(brief.locator('.note-key-judgement')).toHaveText('We assess it likely that the port reopens within a week.')
  // Enter after a key judgement starts an ordinary paragraph, where the quote goes.
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await quote('port closed')
  await page.keyboard.type('Shipping will lag behind.')
  await quote('Ships waited')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Insurers will raise premiums.')
  await expect(brief.locator('.note-highlight-quote')).toHaveCount(2)
  // The entity list: the entities named in the case's articles, copied in as a table.
  await page.keyboard.press('Enter')
  await toolbar.getByRole('button', { name: 'Entity list' }).click()
  const entities = brief.locator('[data-testid="snapshot-table"][data-kind="entities"]')
  await expect(entities.getByRole('row').filter({ hasText: 'Ömer Faruk Kaya' })).toContainText('Person')
  await expect(page.getByTestId('case-notebook-save-status')).toHaveText('Saved')

  // Check mode names the one sentence that stands next to no quote, and export asks first.
  await page.getByTestId('brief-check').click()
  const dialog = page.getByTestId('brief-dialog')
  await expect(dialog.getByTestId('brief-uncited')).toHaveText('Insurers will raise premiums.')
  await expect(dialog.getByTestId('brief-check-result').getByRole('status')).toHaveText('1 sentence without a citation.')
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(app.dir)
  await dialog.getByRole('button', { name: 'Export brief' }).click()
  await expect(dialog.getByTestId('brief-confirm')).toHaveText('The brief has 1 sentence without a citation. Export it anyway?')
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  await expect(dialog.getByTestId('brief-result')).toHaveText(`Wrote the brief to ${join(app.dir, 'Harbour brief.md')} (2 footnotes).`)

  const markdown = readFileSync(join(app.dir, 'Harbour brief.md'), 'utf8')
  expect(markdown).toContain('**Key judgement:** We assess it likely that the port reopens within a week.')
  expect(markdown).toMatch(/> The port closed on Monday after the storm\.\[\^1\]\n\nShipping will lag behind\.\n\n> Ships waited offshore for two days\.\[\^2\]/)
  expect(markdown).toMatch(/\*\*Entities: Harbour\*\*\n\n\| Entity \| Type \| Mentions \| Articles \|\n\| --- \| --- \| --- \| --- \|\n[\s\S]*\| Ömer Faruk Kaya \| Person \| \d+ \| 1 \|/)
  expect(markdown).toMatch(/\n\[\^1\]: Ana Silva, “Port Closes after Storm,” Harbour Gazette, n\.d\., accessed [A-Z][a-z]+ \d+, \d{4}, https:\/\/gazette\.example\/port\. Ungraded; imported \d{4}-\d{2}-\d{2}; SHA-256 [0-9a-f]{12}\.\n\[\^2\]: /)

  await dialog.getByRole('radio', { name: 'Word' }).check()
  await dialog.getByRole('button', { name: 'Export brief' }).click()
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  await expect(dialog.getByTestId('brief-result')).toContainText('Harbour brief.docx (2 footnotes)')
  const docx = unzipSync(readFileSync(join(app.dir, 'Harbour brief.docx')))
  const document = strFromU8(docx['word/document.xml']!)
  expect(document).toMatch(/<w:pStyle w:val="KeyJudgement"\/>[\s\S]*We assess it likely/)
  expect(document).toMatch(/Entities: Harbour[\s\S]*<w:tbl>[\s\S]*Ömer Faruk Kaya[\s\S]*<\/w:tbl>/)
  expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2'])
  expect(strFromU8(docx['word/footnotes.xml']!)).toMatch(/Ana Silva, “Port Closes after Storm,” Harbour Gazette/)

  // Another citation style: a hostile file is refused by name, a real one is used, then Chicago again.
  await expect(dialog.getByTestId('brief-style')).toHaveText(/^Chicago Manual of Style 18th edition \(notes and bibliography\) \(bundled\)$/)
  await dialog.getByTestId('brief-style-input').setInputFiles({ name: 'evil.csl', mimeType: 'application/xml', buffer: Buffer.from(HOSTILE_CSL[0]!.xml) })
  await expect(dialog.getByRole('alert')).toHaveText('evil.csl: a CSL style may not declare a DOCTYPE or entities (no style needs one).')
  await dialog.getByTestId('brief-style-input').setInputFiles({ name: 'tiny.csl', mimeType: 'application/xml', buffer: Buffer.from(TINY_CSL_STYLE) })
  await expect(dialog.getByTestId('brief-style')).toHaveText('Tiny test style (from tiny.csl)')
  await dialog.getByRole('radio', { name: 'Markdown' }).check()
  await dialog.getByRole('button', { name: 'Export brief' }).click()
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  await expect(dialog.getByTestId('brief-result')).toContainText('Harbour brief.md (2 footnotes)')
  expect(readFileSync(join(app.dir, 'Harbour brief.md'), 'utf8')).toContain('[^1]: TITLE:Port closes after storm \\(Harbour Gazette\\). Ungraded;')
  await dialog.getByRole('button', { name: 'Use Chicago (bundled)' }).click()
  await expect(dialog.getByTestId('brief-style')).toContainText('(bundled)')

  // PDF in the browser: the print view, printed by the browser's own Print / Save as PDF.
  await dialog.getByRole('radio', { name: 'PDF (print view)' }).check()
  await dialog.getByRole('button', { name: 'Open print view' }).click()
  await dialog.getByRole('button', { name: 'Open print view anyway' }).click()
  const printView = page.getByTestId('brief-print-view')
  const paper = printView.getByTestId('brief-paper')
  await expect(paper.locator('.key-judgement')).toContainText('We assess it likely that the port reopens within a week.')
  await expect(paper.getByRole('list').filter({ hasText: 'Ana Silva' }).getByRole('listitem')).toHaveCount(2)
  await expect(printView.getByRole('button', { name: 'Print / Save as PDF' })).toBeFocused()
  // The print styles leave the brief alone on the page: no app, no toolbar, no back links.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('#root')).toBeHidden()
  await expect(printView.getByRole('toolbar', { name: 'Print view' })).toBeHidden()
  await expect(paper.locator('a.back').first()).toBeHidden()
  await expect(paper.getByRole('heading', { name: 'Brief: Harbour' })).toBeVisible()
  const pdf = await page.pdf({ format: 'A4' })
  const words = await pdfText(pdf)
  expect(words).toContain('We assess it likely that the port reopens within a week.')
  expect(words).toMatch(/Ships waited offshore for two days\.\s*2/)
  expect(words).toContain('Ana Silva, “Port Closes after Storm,” Harbour Gazette')
  expect(words).toContain('Evidence appendix')
  expect(words).not.toContain('Print / Save as PDF')
  expect(words).not.toContain('Check & Export')
  await page.emulateMedia({ media: 'screen' })
  // The button hands the page to the browser's print dialog (counted here: headless Chromium has none).
  await page.evaluate(() => {
    const w = window as unknown as { print(): void; printed: number }
    w.printed = 0
    w.print = () => void w.printed++
  })
  await printView.getByRole('button', { name: 'Print / Save as PDF' }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  await page.keyboard.press('Escape')
  await expect(printView).toHaveCount(0)
  await expect(page.locator('#root')).toBeVisible()
})
