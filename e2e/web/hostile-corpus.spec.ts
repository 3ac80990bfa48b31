/**
 * The hostile-content corpus in a real Chromium: imported as HTML, Markdown and text in one batch,
 * pasted, typed into the metadata form and a note, stored as tags, labels and notes, searched,
 * and every article shown. Nothing may run (no sentinel global, no dialog, no CSP violation, which
 * would mean active markup reached the page and was only stopped by the policy), and nothing may
 * load from anywhere but the loopback server's own files.
 */
import type { Page } from '@playwright/test'
import { HOSTILE_HTML, HOSTILE_SHORT, hostileMarkdown, hostilePage, hostileText, SENTINEL } from '../../test/support/hostile-corpus'
import { isShellPath } from '../../src/shared/links/app-routes'
import { expect, test } from './dossier-fixture'

type Result = { ok: boolean; value?: unknown; error?: { code: string } }

/** A contract call from inside the page, as the renderer's own client makes it (the token header). */
function api(page: Page, channel: string, input: unknown): Promise<Result> {
  const token = new URL(page.url()).hash.replace(/^#token=/, '')
  return page.evaluate(
    async ([c, i, t]) =>
      (await fetch(`/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': t }, body: JSON.stringify(i) })).json() as Promise<Result>,
    [channel, input, decodeURIComponent(token)] as const
  )
}

/** A note as the editor serializes it: one paragraph of text. */
function note(text: string): string {
  const textNode = { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }
  const paragraph = { children: [textNode], direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' }
  return JSON.stringify({ root: { children: [paragraph], direction: null, format: '', indent: 0, type: 'root', version: 1 } })
}

/** Elements and attributes that would mean hostile markup reached the page. */
async function activeElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll('#root *'))) {
      const tag = el.tagName.toLowerCase()
      if (['script', 'iframe', 'embed', 'object', 'style', 'link', 'base', 'meta', 'form', 'template', 'math', 'video', 'audio'].includes(tag)) found.push(`<${tag}>`)
      if (tag === 'img' && !(el.getAttribute('src') ?? '').startsWith('data:')) found.push(`<img src=${el.getAttribute('src')}>`)
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith('on')) found.push(`<${tag} ${attr.name}>`)
        if ((attr.name === 'href' || attr.name === 'src') && /^\s*(javascript|data|file|app|vbscript):/i.test(attr.value)) found.push(`<${tag} ${attr.name}=${attr.value.slice(0, 40)}>`)
      }
    }
    return found
  })
}

test('hostile content from every way in runs nothing, opens nothing and loads nothing', async ({ page, app }) => {
  // One batch for the whole corpus keeps this near 30 s; the margin is for a busy CI machine.
  test.setTimeout(150_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  // Requests to the loopback server for anything but the app, its assets and the API.
  const strayLocal: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    // The app's own routes (/article/<id> after a reload) and the assets their page asks for are the app.
    const route = isShellPath(url.pathname) || /^\/(?:article|highlight|case)\/assets\//.test(url.pathname)
    if (url.hostname === '127.0.0.1' && !route && !/^\/(?:$|index\.html$|assets\/|api\/)/.test(url.pathname)) strayLocal.push(req.url())
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`))
  })
  await page.goto(app.url)

  // Import: one batch of three files, the way a folder of saved pages comes in.
  await page.getByTestId('import-input').setInputFiles([
    { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostilePage()) },
    { name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(hostileMarkdown()) },
    { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(hostileText()) }
  ])
  const list = page.getByRole('navigation', { name: 'Library' })
  // Parsing three pages in the worker pool can take a while on a loaded two-core machine.
  await expect(page.getByTestId('import-report')).toContainText('3 imported', { timeout: 30_000 })

  // Paste: HTML on the clipboard, as copied from a browser.
  await page.locator('.reader-title').click()
  await page.evaluate((html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Pasted hostile brief')
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, hostilePage(HOSTILE_HTML, 'Pasted hostile brief', 'a clipping copied from a browser tab'))
  await expect(page.getByTestId('import-report')).toContainText('Pasted hostile brief', { timeout: 30_000 })
  await expect(page.locator('.reader-title')).toHaveText('Pasted hostile brief')

  // Metadata typed into the form.
  await page.getByRole('button', { name: 'Edit details…' }).click()
  const form = page.getByRole('form', { name: 'Article details' })
  await form.getByLabel('Author').fill(HOSTILE_SHORT[0]!)
  await form.getByLabel('Source').fill(HOSTILE_SHORT[2]!)
  await form.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByTestId('reader-meta')).toContainText('onerror')
  // A tag typed into the tags field (no spaces or commas, so the contract accepts it).
  await page.getByLabel('Article tags').fill(HOSTILE_SHORT[1]!)
  await page.getByLabel('Article tags').press('Enter')

  // Titles, tags, labels, notes and searches, through the contract the page itself uses.
  const { items } = (await api(page, 'library.list', {})).value as { items: { id: string }[] }
  const articleId = items[0]!.id
  for (const [i, payload] of HOSTILE_SHORT.entries()) {
    const id = items[i % items.length]!.id
    expect((await api(page, 'article.updateMetadata', { id, patch: { title: payload } })).ok).toBe(true)
    await api(page, 'article.setTags', { id, tags: [payload] })
    await api(page, 'label.create', { name: payload, color: 'red' })
    const search = await api(page, 'search.query', { query: payload })
    expect(search.ok || search.error?.code === 'invalid_input').toBe(true)
  }
  const highlight = (await api(page, 'highlight.create', { articleId, start: 0, end: 5 })).value as { id: string }
  expect((await api(page, 'note.save', { highlightId: highlight.id, content: note(HOSTILE_SHORT.join(' ')) })).ok).toBe(true)

  // Everything shown again from the store: every article, its tags, highlight, note and the labels.
  await page.reload()
  await expect(list.getByRole('button')).toHaveCount(4, { timeout: 20_000 })
  for (const button of await list.getByRole('button').all()) {
    await button.click()
    await expect(page.getByTestId('reader-text')).toBeVisible()
  }
  await list.getByRole('button').first().click()
  // The newest article, first in the list, carries the highlight and its hostile note.
  await page.locator('mark.hl').first().click()
  await expect(page.getByTestId('note-input')).toContainText('onerror')
  // Typed into the note editor too, the way an analyst pastes a snippet.
  await page.getByTestId('note-input').click()
  await page.keyboard.insertText(` ${HOSTILE_HTML.map((p) => p.html).slice(0, 12).join(' ')}`)
  await expect(page.getByTestId('save-status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Labels…' }).click()
  const labels = page.getByRole('dialog', { name: 'Labels' })
  // The dialog loads on demand and then its labels: wait for the hostile one to be listed.
  const names = () => labels.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
  await expect.poll(async () => (await names()).some((name) => name.includes('onerror'))).toBe(true)
  await labels.getByRole('button', { name: 'Done' }).click()

  // Search queries typed into the search box, and their results (titles and snippets of hostile
  // text) shown. Runs once the search box is in the app; until then search goes through the contract above.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Search' }).click()
  const searchBox = page.getByTestId('search-input')
  if ((await searchBox.count()) > 0) {
    for (const query of ['onerror', 'script', ...HOSTILE_SHORT.slice(0, 4)]) {
      await searchBox.fill(query)
      await expect(page.getByTestId('search-results')).toBeVisible()
      await expect(page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false')
    }
    await searchBox.fill('onerror')
    await expect(page.getByTestId('search-group').first()).toBeVisible({ timeout: 20_000 })
    await searchBox.press('Escape')
  }

  // The payloads are on screen as text, and nothing of them came alive.
  await expect(page.locator('#root')).toContainText('onerror')
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL)).toBeUndefined()
  expect(await activeElements(page)).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
  expect(dialogs).toEqual([])
  expect(app.foreignRequests).toEqual([])
  expect(strayLocal).toEqual([])
})
