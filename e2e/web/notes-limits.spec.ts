import Database from 'better-sqlite3'
import { MAX_NOTE_CHARS } from '../../src/shared/notes/note-schemas'
import { expect, openSample, selectInReader, test } from './dossier-fixture'

const PASSAGE = 'shared icebreaker schedule'

/** A note of many short paragraphs (the most nodes per character), as close to `chars` as it gets. */
function manyParagraphs(chars: number): { content: string; last: string } {
  const paragraph = (text: string) => ({
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: 0,
    textStyle: ''
  })
  const children: ReturnType<typeof paragraph>[] = []
  const wrap = () => JSON.stringify({ root: { children, direction: null, format: '', indent: 0, type: 'root', version: 1 } })
  const per = JSON.stringify(paragraph('Paragraph 000000')).length + 1
  const count = Math.floor((chars - wrap().length) / per)
  for (let i = 0; i < count; i++) children.push(paragraph(`Paragraph ${String(i).padStart(6, '0')}`))
  return { content: wrap(), last: `Paragraph ${String(count - 1).padStart(6, '0')}` }
}

test('a note at the size limit opens in the editor; a larger one saved before the limit is declined with a sentence', async ({ page, app }) => {
  await openSample(page, app)
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  const mark = page.locator('mark.hl', { hasText: PASSAGE })
  await expect(mark).toHaveCount(1)
  const db = new Database(app.dbPath)
  db.pragma('busy_timeout = 5000')
  const highlightId = db.prepare('SELECT id FROM highlights').pluck().get() as string

  const atLimit = manyParagraphs(MAX_NOTE_CHARS)
  expect(atLimit.content.length).toBeLessThanOrEqual(MAX_NOTE_CHARS)
  expect(atLimit.content.length).toBeGreaterThan(MAX_NOTE_CHARS - 200)
  const saved = await page.evaluate(
    async ([input, token]) =>
      (await fetch('/api/note.save', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': token }, body: JSON.stringify(input) })).json(),
    [{ highlightId, content: atLimit.content }, app.token] as const
  )
  expect(saved).toMatchObject({ ok: true })
  await page.reload()
  await page.getByRole('button', { name: /Harbour authorities/ }).click()
  await mark.click()
  await expect(page.getByTestId('note-input')).toContainText(atLimit.last)
  await expect(page.getByTestId('note-input')).toContainText('Paragraph 000000')

  // Saved under the old 2 MiB limit (written to the file directly, as an old library would hold it).
  const tooBig = manyParagraphs(2 * 1024 * 1024)
  db.prepare('UPDATE notes SET content = ? WHERE highlight_id = ?').run(tooBig.content, highlightId)
  db.close()
  await page.reload()
  await page.getByRole('button', { name: /Harbour authorities/ }).click()
  await mark.click()
  await expect(page.getByTestId('note-input-too-large')).toContainText('a note holds at most 512 KB')
  await expect(page.getByTestId('note-input-too-large')).toContainText('too large to open here')
  // The page is alive and the rest of the app works.
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
})
