/**
 * Browser capture, end to end: Debian's Chromium with the Save to Dossier extension loaded
 * unpacked (a persistent context with --load-extension), against the web mode and a local page
 * server. Dossier's own window runs in the usual test browser beside it.
 *
 * One thing is arranged for the test: a toolbar click or keyboard shortcut is what grants
 * activeTab, and Playwright cannot press the browser's own toolbar. The test copy of the
 * extension is therefore given host access to the page server's `localhost` address (the pages
 * under test, never Dossier's 127.0.0.1), and the popup is opened as a tab, where Save takes the
 * web page used last in its window. Everything else is the built extension as shipped.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error: a plain .mjs build script, without type declarations.
import { buildExtension } from '../../scripts/build-extension.mjs'
import { expect, openApp, test } from './dossier-fixture'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** A free port for the capture endpoint, known before the server starts (the extension is told it). */
async function freePort(): Promise<number> {
  const probe = createNetServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
// eslint-disable-next-line no-empty-pattern
test.use({ serverArgs: async ({}, use) => use(['--capture-port', String(await freePort())]) })

const STORY = [
  'The harbour pilots’ association said on Monday that night-time pilotage would resume next week after the new radar was certified.',
  'Shipping agents welcomed the decision but asked for a written schedule, citing three delayed tankers and a fully booked anchorage.',
  'The port authority said the radar had passed its acceptance trials and that inspectors would publish their report in full.'
]

/** Pages whose text exists only after their scripts ran, a queue of pages, and a page that attacks. */
function pages(capturePort: number): Record<string, string> {
  const rendered = (title: string, paragraphs: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Home</a> · <a href="/news">News</a></nav><main><article id="story"></article></main>
<script>
  const story = document.getElementById('story')
  const h = document.createElement('h1'); h.textContent = ${JSON.stringify(title)}; story.append(h)
  for (const text of ${JSON.stringify(paragraphs)}) { const p = document.createElement('p'); p.textContent = text; story.append(p) }
</script></body></html>`
  const endpoint = `http://127.0.0.1:${capturePort}/capture/v1/page`
  return {
    '/pilots': rendered('Night pilotage to resume', STORY),
    '/queued-1': rendered('Queued report one', STORY.map((s) => s.replace('harbour', 'northern harbour'))),
    '/queued-2': rendered('Queued report two', STORY.map((s) => s.replace('harbour', 'southern harbour'))),
    // A hostile page: it tries to save itself into Dossier and to read from it, and keeps
    // rewriting its own DOM with handlers, so whatever the extension reads is full of them.
    '/attack': `<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1>
${STORY.map((s) => `<p>${s.replace('harbour', 'hostile harbour')}</p>`).join('')}<div id="live"></div></article>
<iframe name="sink" hidden></iframe>
<form id="f" action="${endpoint}" method="post" target="sink" enctype="text/plain"><input name='{"html":"<p>forged</p>","url":"https://forged.example/","x' value='":1}'></form>
<script>
  window.attempts = {}
  const body = JSON.stringify({ html: '<p>forged page</p>', url: 'https://forged.example/', title: 'Forged', capturedAt: new Date().toISOString(), userAgent: 'x', selection: null, caseId: null, tags: [] })
  const attempt = (name, p) => p.then((r) => (window.attempts[name] = 'read ' + r.status), (e) => (window.attempts[name] = 'blocked: ' + e.name))
  attempt('post', fetch('${endpoint}', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-key': 'guess' }, body }))
  attempt('read status', fetch('http://127.0.0.1:${capturePort}/capture/v1/status'))
  attempt('no-cors post', fetch('${endpoint}', { method: 'POST', mode: 'no-cors', body }).then((r) => ({ status: r.type })))
  document.getElementById('f').submit()
  setInterval(() => {
    document.getElementById('live').innerHTML = '<img src="x" onerror="window.__dossierPwned=1"><p onmouseover="window.__dossierPwned=1">Rewritten at ' + Date.now() + '</p><a href="javascript:window.__dossierPwned=1">link</a>'
  }, 5)
</script></body></html>`
  }
}

async function startPageServer(capturePort: number): Promise<{ server: Server; origin: string }> {
  const content = pages(capturePort)
  const server = createServer((req, res) => {
    const body = content[req.url ?? '']
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(body ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // By name: the test copy of the extension may read localhost pages, and Dossier is on 127.0.0.1.
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` }
}

/** The built extension, with host access to the page server added to the test copy only (see above). */
async function extensionForTest(dir: string): Promise<string> {
  const { folders } = (await buildExtension(join(dir, 'build'))) as { folders: { chromium: string } }
  const manifestPath = join(folders.chromium, 'manifest.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://localhost/*'] }))
  return folders.chromium
}

async function openPopup(browser: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await browser.newPage()
  await popup.goto(`chrome-extension://${extensionId}/popup.html`)
  return popup
}

/** Opens a page in the extension's browser as the analyst would, and waits for its scripts to write it. */
async function visit(browser: BrowserContext, url: string, text: string): Promise<Page> {
  for (const open of browser.pages()) if (open.url().startsWith('http')) await open.close()
  const tab = await browser.newPage()
  await tab.goto(url)
  await expect(tab.locator('body')).toContainText(text)
  return tab
}

async function save(browser: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await openPopup(browser, extensionId)
  await expect(popup.locator('#capture')).toBeVisible()
  await popup.locator('#save').click()
  await expect(popup.locator('#result')).toBeVisible()
  return popup
}

test('pair the extension, save a rendered page and a selection, queue while Dossier is away, refuse a page’s own attempts', async ({ page, app, serverArgs }) => {
  const CAPTURE_PORT = Number(serverArgs[1])
  const dir = mkdtempSync(join(tmpdir(), 'dossier-capture-'))
  const { server, origin } = await startPageServer(CAPTURE_PORT)
  let browser: BrowserContext | null = null
  try {
    const extensionPath = await extensionForTest(dir)
    // New headless mode (Playwright's default for Chromium) runs extensions.
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu']
    })
    const worker = browser.serviceWorkers()[0] ?? (await browser.waitForEvent('serviceworker'))
    const extensionId = new URL(worker.url()).host

    // Pair: Connect Browser in Dossier shows a code; the extension trades it for its key.
    await openApp(page, app.url)
    await page.keyboard.press('Control+Shift+P')
    await page.keyboard.type('connect browser')
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('connect-browser-dialog')
    await expect(dialog.getByTestId('capture-endpoint')).toContainText(`port ${CAPTURE_PORT}`)
    const code = (await dialog.getByTestId('pairing-code').textContent())!.trim()
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const popup = await openPopup(browser, extensionId)
    // Not paired yet, and looking on the default port: the popup asks for the code and the port.
    await expect(popup.locator('#pairing')).toBeVisible()
    await expect(popup.locator('#capture')).toBeHidden()
    await popup.locator('#pair-code').fill(code.toLowerCase())
    await popup.locator('#pair-port').fill(String(CAPTURE_PORT))
    await popup.locator('#pair-form button[type=submit]').click()
    await expect(popup.locator('#reachability')).toContainText(`Connected to Dossier`)
    await expect(dialog.getByTestId('pairing-done')).toBeVisible()
    await expect(dialog.getByTestId('pairing-list')).toContainText('Chromium browser on Linux')
    await dialog.getByRole('button', { name: 'Done' }).click()
    await popup.close()

    // A page whose text is written by JavaScript arrives whole, with its address and capture time.
    const before = new Date()
    await visit(browser, `${origin}/pilots`, STORY[2]!)
    let saved = await save(browser, extensionId)
    await expect(saved.locator('#result-message')).toHaveText('Saved “Night pilotage to resume”.')
    const link = saved.locator('#result-link')
    await expect(link).toBeVisible()
    const articleUrl = (await link.getAttribute('href'))!
    expect(articleUrl).toMatch(new RegExp(`^${new URL(app.url).origin}/article/[0-9a-f-]{36}\\?token=`))
    await saved.close()
    await page.goto(articleUrl)
    await expect(page.locator('.reader-title')).toHaveText('Night pilotage to resume')
    await expect(page.getByTestId('reader-text')).toContainText(STORY[1]!)
    await expect(page.getByTestId('reader-text')).not.toContainText('Home · News')
    const captureLine = page.getByTestId('reader-capture')
    await expect(captureLine).toContainText(`Captured from the browser ${before.toISOString().slice(0, 10)}`)
    await expect(captureLine).toContainText(`UTC · ${origin}/pilots`)

    // A selection on the same page becomes a highlight on the article already there.
    const tab = await visit(browser, `${origin}/pilots`, STORY[2]!)
    await tab.evaluate(() => {
      const p = document.querySelectorAll('#story p')[1]!
      const text = p.firstChild!
      const at = text.textContent!.indexOf('asked for a written schedule')
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + 'asked for a written schedule'.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    saved = await save(browser, extensionId)
    await expect(saved.locator('#result-message')).toContainText('already in the library')
    await expect(saved.locator('#result-message')).toContainText('The selection is highlighted.')
    await saved.close()
    await page.reload()
    await expect(page.locator('mark.hl', { hasText: 'asked for a written schedule' })).toHaveCount(1)

    // Dossier quits: two saves wait in the extension's queue, and arrive when it is back.
    await app.stop()
    for (const [path, title] of [['/queued-1', 'Queued report one'], ['/queued-2', 'Queued report two']] as const) {
      await visit(browser, `${origin}${path}`, 'harbour pilots')
      saved = await save(browser, extensionId)
      await expect(saved.locator('#result h2')).toHaveText('Waiting')
      await expect(saved.locator('#reachability')).toContainText('not reachable')
      await expect(saved.locator('#queue')).toContainText(title)
      await saved.close()
    }
    await app.start()
    const popupAfter = await openPopup(browser, extensionId)
    // Opening the popup finds Dossier again and sends what waited, in order.
    await expect(popupAfter.locator('#reachability')).toContainText('Connected to Dossier')
    await expect(popupAfter.locator('#queue-section')).toBeHidden()
    await popupAfter.close()
    await page.goto(app.url)
    await expect(page.getByTestId('library-count')).toHaveText('3')
    for (const title of ['Queued report one', 'Queued report two']) await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(title)

    // A web page's own attempts to reach the endpoint get nowhere, and it reads nothing back.
    const hostile = await visit(browser, `${origin}/attack`, 'hostile harbour')
    await expect.poll(() => hostile.evaluate(() => Object.keys((window as unknown as { attempts: object }).attempts).length)).toBe(3)
    const attempts = await hostile.evaluate(() => (window as unknown as { attempts: Record<string, string> }).attempts)
    expect(attempts.post).toMatch(/^blocked/)
    expect(attempts['read status']).toMatch(/^blocked/)
    await page.reload()
    await expect(page.getByTestId('library-count')).toHaveText('3')
    await expect(page.locator('body')).not.toContainText('Forged')

    // The analyst saves that page on purpose: what the extension read, handlers and all, arrives inert.
    const dialogs: string[] = []
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
    saved = await save(browser, extensionId)
    await expect(saved.locator('#result-message')).toHaveText('Saved “Hostile page”.')
    const hostileArticle = (await saved.locator('#result-link').getAttribute('href'))!
    await saved.close()
    await page.goto(hostileArticle)
    await expect(page.getByTestId('reader-text')).toContainText('hostile harbour')
    await expect(page.getByTestId('reader-text')).toContainText('Rewritten at')
    await page.locator('[data-testid="reader-text"] p', { hasText: 'Rewritten at' }).hover()
    expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: number }).__dossierPwned)).toBeUndefined()
    expect(await page.locator('[data-testid="reader-text"] img, [data-testid="reader-text"] script, [data-testid="reader-text"] [onerror], [data-testid="reader-text"] [onmouseover], [data-testid="reader-text"] a[href^="javascript:"]').count()).toBe(0)
    expect(dialogs).toEqual([])
  } finally {
    await browser?.close()
    server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
