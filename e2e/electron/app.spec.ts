import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
const TITLE = /Harbour authorities weigh icebreaker pact/
const PASSAGE = 'shared icebreaker schedule'
const NOTE = 'Ask the insurers whether the rota lowers premiums'

/**
 * Found the way node_modules/electron finds it, but without its download: require('electron')
 * from Node would try to fetch the binary, which fails offline.
 */
function electronExecutable(): string | undefined {
  const dir = join(ROOT, 'node_modules', 'electron')
  try {
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

const executablePath = electronExecutable()
test.skip(!executablePath, 'Electron binary not installed here (it cannot be downloaded offline); this spec runs where Electron exists')

// Electron refuses to start as root with the Chromium sandbox on, as in many CI containers.
const sandboxArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []

let userData: string

test.beforeAll(() => {
  expect(existsSync(join(ROOT, 'out/main/index.js')), 'the app is built (npm run build)').toBe(true)
  const abi = readFileSync(join(ROOT, 'node_modules/electron/abi_version'), 'utf8').trim()
  const binding = join(ROOT, 'native', `electron-${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
  expect(existsSync(binding), 'SQLite is built for Electron (node scripts/electron-native.mjs)').toBe(true)
})

test.beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'dossier-electron-e2e-'))
})

test.afterEach(() => {
  rmSync(userData, { recursive: true, force: true })
})

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE')
  )
  const app = await electron.launch({
    executablePath: executablePath!,
    // The project folder, as `npm start` passes it, so Electron reads package.json's name and main.
    args: [ROOT, ...sandboxArgs],
    cwd: ROOT,
    env: { ...env, DOSSIER_USER_DATA_DIR: userData, DOSSIER_DB_PATH: join(userData, 'dossier.sqlite') }
  })
  const page = await app.firstWindow()
  return { app, page }
}

/** Closes the window as its close button would, and waits until it and the app are gone. */
async function closeWindow(app: ElectronApplication, page: Page): Promise<void> {
  const exited = app.waitForEvent('close')
  const closed = page.waitForEvent('close')
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
  await closed
  // macOS keeps the app running without windows.
  if (process.platform === 'darwin') await app.close()
  else await exited
}

async function selectInReader(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((text) => {
    const root = document.querySelector('[data-testid="reader-text"]')
    const walker = root && document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker?.nextNode(); node; node = walker!.nextNode()) {
      const at = node.textContent!.indexOf(text)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + text.length)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      return true
    }
    return false
  }, phrase)
  expect(found, `"${phrase}" is shown in the reader`).toBe(true)
}

test('import the sample, highlight, note, close at once, relaunch: the note is kept', async () => {
  const first = await launch()
  await first.page.getByTestId('import-sample').click()
  await expect(first.page.locator('.reader-title')).toHaveText(TITLE)

  await selectInReader(first.page, PASSAGE)
  await first.page.keyboard.press('h')
  await expect(first.page.locator('mark.hl')).toHaveText(PASSAGE)
  await expect(first.page.getByTestId('highlight-list')).toContainText(PASSAGE)

  await first.page.getByTestId('note-input').click()
  await first.page.keyboard.type(NOTE)
  // No wait for "Saved": closing inside the autosave debounce is what the close-time flush is for.
  await closeWindow(first.app, first.page)

  const second = await launch()
  await second.page.getByRole('button', { name: TITLE }).click()
  await expect(second.page.locator('mark.hl')).toHaveText(PASSAGE)
  await second.page.locator('mark.hl').click()
  await expect(second.page.getByTestId('note-input')).toContainText(NOTE)
  await closeWindow(second.app, second.page)
})

test('the page gets the bridge and nothing else of Electron or Node', async () => {
  const { app, page } = await launch()
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return {
      require: typeof w.require,
      process: typeof w.process,
      bridge: Object.keys((w.dossierBridge as object | undefined) ?? {}).sort()
    }
  })
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['flushed', 'invoke', 'onEvent'] })

  // A page that tries to leave is kept where it is.
  const before = page.url()
  await page.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await page.waitForTimeout(500)
  expect(page.url()).toBe(before)
  await closeWindow(app, page)
})

test('the brief as PDF: printed by the window’s printToPDF from the brief’s print-styled HTML', async () => {
  const { app, page } = await launch()
  await page.getByTestId('import-sample').click()
  await expect(page.locator('.reader-title')).toHaveText(TITLE)
  await selectInReader(page, PASSAGE)
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveText(PASSAGE)
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  await page.getByTestId('case-dialog').getByTestId('case-name').fill('Ice')
  await page.getByTestId('case-dialog').getByRole('button', { name: 'Create' }).click()
  await page.getByTestId('rail-cases').click()
  await page.getByTestId('case-add-article').click()

  // With no brief written, the export is the draft: the highlight quoted and cited.
  await page.getByTestId('brief-check').click()
  const dialog = page.getByTestId('brief-dialog')
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(userData)
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).check()
  await dialog.getByRole('button', { name: 'Export brief' }).click()
  await expect(dialog.getByTestId('brief-result')).toContainText('Ice brief.pdf (1 footnote)')
  const pdf = readFileSync(join(userData, 'Ice brief.pdf'))
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise
  const words = ((await (await doc.getPage(1)).getTextContent()).items as { str?: string }[]).map((i) => i.str ?? '').join(' ')
  expect(words).toContain('Draft brief: Ice')
  expect(words).toContain(PASSAGE)
  // The hidden window that printed it is gone: only the app's window is left.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  await closeWindow(app, page)
})
