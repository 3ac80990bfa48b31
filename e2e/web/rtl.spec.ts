import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe-check'
import { expect, selectInReader, showTab, test, type DossierApp } from './dossier-fixture'

// Written for this test: an Arabic report whose second paragraph quotes an English name and a figure.
const TITLE = 'الموانئ تستعد لموسم الجليد'
const FIRST = 'أعلنت هيئة الموانئ يوم الاثنين أن العبّارات ستعود إلى العمل بعد توقف دام أسبوعين بسبب العاصفة.'
const MIXED = 'وقال المتحدث John Smith إن الخطة الجديدة تشمل أربع سفن وتكلّف 12 مليون دولار.'
const THIRD = 'ويرى المنتقدون أن الاتفاق يخدم الموانئ الكبيرة على حساب الصغيرة.'
const ARTICLE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1><p>${FIRST}</p><p>${MIXED}</p><p>${THIRD}</p></article></body></html>`

/** The stored highlights of the article open in the reader, as main keeps them. */
async function storedQuotes(page: Page, app: DossierApp): Promise<string[]> {
  return page.evaluate(async (token) => {
    const call = async <T,>(channel: string, input: unknown) =>
      ((await (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': token }, body: JSON.stringify(input) })).json()) as { value: T }).value
    const [article] = (await call<{ items: { id: string }[] }>('library.list', {})).items
    const highlights = await call<{ exact: string; start: number }[]>('highlight.list', { articleId: article!.id })
    return highlights.sort((a, b) => a.start - b.start).map((h) => h.exact)
  }, app.token)
}

/** The left edge of the first occurrence of `word` in the reader's text, as drawn. */
function leftOf(page: Page, word: string): Promise<number> {
  return page.evaluate((word) => {
    const root = document.querySelector('[data-testid="reader-text"]')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + word.length)
      return range.getBoundingClientRect().left
    }
    throw new Error(`${word} is not in the reader`)
  }, word)
}

/**
 * Issue 21, reading in any script: an Arabic article reads right to left with its language set,
 * a mouse drag over Arabic words and a selection across an English name highlight exactly those
 * words (checked against the quote main stored), the marks keep the words in their visual
 * order, the keyboard cursor moves in visual order, and the view passes axe.
 */
test('an Arabic article reads right to left, and mixed-direction selections highlight exactly the selected words', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles({ name: 'ports.html', mimeType: 'text/html', buffer: Buffer.from(ARTICLE) })
  await expect(page.locator('.reader-title')).toHaveText(TITLE)
  // The library lists the title whole: its letters below the baseline (ر, و) are not cut off.
  const listed = page.locator('.library .article-title', { hasText: TITLE })
  expect(await listed.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0)

  // Right to left, in Arabic: the text's language and direction, and the layout the browser computed.
  const text = page.getByTestId('reader-text')
  await expect(text).toHaveAttribute('lang', 'ar')
  await expect(page.getByTestId('reader-language')).toHaveText('Language: Arabic')
  expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
  const mixed = page.locator('[data-testid="reader-text"] p', { hasText: 'John Smith' })
  // The mixed paragraph opens with an Arabic word but holds an English name: still right to left…
  expect(await mixed.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
  // …so it is aligned on the right, and the full stop ends it on the left.
  const box = (await mixed.boundingBox())!
  expect(await leftOf(page, 'وقال')).toBeGreaterThan(box.x + box.width / 2)

  // A mouse drag from the first word of the first paragraph (on the right) over three words, leftwards.
  const words = ['أعلنت', 'هيئة', 'الموانئ']
  const edges = await page.evaluate((words) => {
    const p = [...document.querySelectorAll('[data-testid="reader-text"] p')].find((el) => el.textContent!.startsWith(words[0]!))!
    const node = p.querySelector('[data-start]')!.firstChild as Text
    const rect = (from: number, to: number) => {
      const range = document.createRange()
      range.setStart(node, from)
      range.setEnd(node, to)
      return range.getBoundingClientRect()
    }
    const first = rect(0, 1)
    const lastEnd = words.join(' ').length
    const last = rect(lastEnd - 1, lastEnd)
    return { x1: first.right - 1, x2: last.left + 1, y: first.top + first.height / 2 }
  }, words)
  await page.mouse.move(edges.x1, edges.y)
  await page.mouse.down()
  await page.mouse.move(edges.x2, edges.y, { steps: 8 })
  await page.mouse.up()
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(words.join(' '))
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)

  // A selection that starts in Arabic, crosses the English name and ends in Arabic again.
  const across = 'المتحدث John Smith إن'
  await selectInReader(page, across)
  await page.keyboard.press('2')
  await expect(page.locator('mark.hl')).toHaveCount(2)
  expect(await storedQuotes(page, app)).toEqual([words.join(' '), across])
  await showTab(page, 'Highlights')
  const quotes = page.getByTestId('highlight-list').locator('.highlight-quote')
  await expect(quotes).toHaveText([words.join(' '), across])
  // Each quote in the panel reads in its own direction (the second, nine Arabic and nine Latin letters, by its first letter).
  expect(await quotes.evaluateAll((els) => els.map((el) => getComputedStyle(el).direction))).toEqual(['rtl', 'rtl'])

  // The marks leave the bidi order alone: the name still reads "John Smith" left to right, with
  // the Arabic word before it on its right, as before the highlight.
  const [john, smith, before] = [await leftOf(page, 'John'), await leftOf(page, 'Smith'), await leftOf(page, 'المتحدث')]
  expect(john).toBeLessThan(smith)
  expect(before).toBeGreaterThan(smith)

  // The keyboard cursor moves in visual order: in this right-to-left paragraph Shift ← selects
  // the next word, the one on the left.
  await text.focus()
  // To the top, then one paragraph down: the start of the mixed paragraph.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('وقال المتحدث')
  // Shift → goes back, to the start of the word it was in.
  await page.keyboard.press('Shift+ArrowRight')
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('وقال ')

  await expectNoSeriousViolations(page, 'the reader with an Arabic article and its highlights')
})
