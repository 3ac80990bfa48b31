import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, selectInReader, test } from './dossier-fixture'

/**
 * Issue 20's brief, as the analyst writes it: a case, two highlights quoted into the case's brief
 * with a key judgement between them, check mode naming the one uncited sentence and asking before
 * export, then the brief as Markdown and Word with the quotes cited in footnotes.
 */
test('write a brief with two quotes and a key judgement, check it, export Markdown and Word', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles({
    name: 'port.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '---\ntitle: Port closes after storm\nsource: Harbour Gazette\nauthor: Ana Silva\nurl: https://gazette.example/port\n---\n\nThe port closed on Monday after the storm. Ships waited offshore for two days.\n'
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
  expect(markdown).toMatch(/\n\[\^1\]: Ana Silva, “Port Closes after Storm,” Harbour Gazette, n\.d\., accessed [A-Z][a-z]+ \d+, \d{4}, https:\/\/gazette\.example\/port\. Ungraded; imported \d{4}-\d{2}-\d{2}; SHA-256 [0-9a-f]{12}\.\n\[\^2\]: /)

  await dialog.getByRole('radio', { name: 'Word' }).check()
  await dialog.getByRole('button', { name: 'Export brief' }).click()
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  await expect(dialog.getByTestId('brief-result')).toContainText('Harbour brief.docx (2 footnotes)')
  const docx = unzipSync(readFileSync(join(app.dir, 'Harbour brief.docx')))
  const document = strFromU8(docx['word/document.xml']!)
  expect(document).toMatch(/<w:pStyle w:val="KeyJudgement"\/>[\s\S]*We assess it likely/)
  expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2'])
  expect(strFromU8(docx['word/footnotes.xml']!)).toMatch(/Ana Silva, “Port Closes after Storm,” Harbour Gazette/)
})
