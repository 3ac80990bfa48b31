import { test as base, expect, type Page } from '@playwright/test'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebServer as startServer, stopWebServer as stopServer } from '../../test/support/web-server'

export interface DossierApp {
  /** The URL printed by the loopback shell, token included. */
  url: string
  origin: string
  /** The loopback token: the API needs it in the x-dossier-token header. */
  token: string
  /** A route of the app as the analyst's tab holds it: the path, the token in the fragment. */
  at(path: string): string
  dbPath: string
  /** A scratch folder of this test's own (exports go here). */
  dir: string
  /** Requests the page made to anything but the loopback server. */
  foreignRequests: string[]
  /** Stops the server and starts it again on the same database (an app restart), or on another one. */
  restart(options?: { dbPath?: string }): Promise<void>
  /** Stops the server, puts a copy of `templatePath` in place of the database, and starts it again. */
  useDatabase(templatePath: string): Promise<void>
  /** Stops the server (Dossier quit) until start() runs it again on the same database. */
  stop(): Promise<void>
  start(): Promise<void>
}

export const test = base.extend<{ app: DossierApp; serverArgs: string[] }>({
  // Extra arguments for the loopback shell; capture.spec.ts gives it a browser-capture port.
  serverArgs: [[], { option: true }],
  app: async ({ page, serverArgs }, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'))
    const dbPath = join(dir, 'dossier.sqlite')
    let server = await startServer(dbPath, serverArgs)
    const foreignRequests: string[] = []
    page.on('request', (req) => {
      const url = new URL(req.url())
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') foreignRequests.push(req.url())
    })
    const app: DossierApp = {
      get url() {
        return server.url
      },
      get origin() {
        return new URL(server.url).origin
      },
      get token() {
        return new URL(server.url).searchParams.get('token')!
      },
      at(path) {
        return `${new URL(server.url).origin}${path}#token=${new URL(server.url).searchParams.get('token')!}`
      },
      dbPath,
      dir,
      foreignRequests,
      async useDatabase(templatePath) {
        await stopServer(server.child)
        for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
        copyFileSync(templatePath, dbPath)
        server = await startServer(dbPath, serverArgs)
      },
      async stop() {
        await stopServer(server.child)
      },
      async start() {
        server = await startServer(dbPath, serverArgs)
      },
      async restart(options = {}) {
        await stopServer(server.child)
        server = await startServer(options.dbPath ?? dbPath, serverArgs)
      }
    }
    await use(app)
    await stopServer(server.child)
    // A failure the page shows ("…failed: the library is locked") has its cause in the server's log.
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server-log', { body: server.output(), contentType: 'text/plain' })
    rmSync(dir, { recursive: true, force: true })
  }
})

/** Opens Dossier and imports the sample article from the empty library, as a first-time user would. */
/**
 * Opens the app and waits for its shell to be drawn. The page's load event comes before the app's
 * script has run (the entry only sends the start's reads and then loads it, decision 0049), so a
 * key pressed right after `page.goto` can reach no listener yet.
 */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.locator('nav.rail')).toBeVisible()
}

export async function openSample(page: Page, app: DossierApp): Promise<void> {
  await page.goto(app.url)
  await page.getByTestId('import-sample').click()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
}

/**
 * Presses H on the selection and waits for what the app does with a new highlight: its Note tab comes
 * forward once the highlight is stored. A tab chosen before that moment would be taken back.
 */
export async function highlightSelection(page: Page): Promise<void> {
  await page.keyboard.press('h')
  await expect(page.getByRole('tab', { name: 'Note', exact: true })).toHaveAttribute('aria-selected', 'true')
}

/** Brings a tab of the sidebar beside the reader forward: Highlights, Note or Notebook. */
export async function showTab(page: Page, name: 'Highlights' | 'Note' | 'Notebook'): Promise<void> {
  const tab = page.getByRole('tab', { name: name === 'Highlights' ? /^Highlights/ : name, exact: name !== 'Highlights' })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

/** Selects the first occurrence of `phrase` in the reader, as a reader dragging the mouse would. */
export async function selectInReader(page: Page, phrase: string): Promise<void> {
  await selectText(page, '[data-testid="reader-text"]', phrase, `"${phrase}" is shown in the reader`)
}

/** Selects the first occurrence of `phrase` under `root` (a CSS selector), scrolled into view as a reader would have it. */
export async function selectText(page: Page, root: string, phrase: string, found: string): Promise<void> {
  const selected = await page.evaluate(
    ({ root, text }) => {
      const container = document.querySelector(root)
      if (!container) return false
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text)
        if (at < 0) continue
        node.parentElement!.scrollIntoView({ block: 'center' })
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + text.length)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return true
      }
      return false
    },
    { root, text: phrase }
  )
  expect(selected, found).toBe(true)
}

export { expect }
