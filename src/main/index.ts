/**
 * The Electron shell: it wires Electron to the same services every other shell uses, and holds
 * no logic of its own worth testing. Everything testable sits in ./electron as plain modules,
 * because the Electron binary cannot be downloaded where the tests run.
 */
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { realpathSync } from 'node:fs'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { firstLine } from '../shared/errors'
import { createI18n, matchLocale, translator, type UiLocale } from '../shared/i18n'
import type { AppSettings } from '../shared/settings'
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './electron/app-protocol'
import { installCloseFlush } from './electron/close-flush'
import { createSenderCheck, registerIpcHandlers, sendAppEvent } from './electron/ipc'
import { buildMenuTemplate } from './electron/menu-template'
import { findNativeBinding } from './electron/native-binding'
import { createLinkOpener, describeExternalLink, hardenWebContents, installSessionSecurity } from './electron/security'
import { describeStartupError, type StartupFailure } from './electron/startup-error'
import { buildWindowOptions } from './electron/window-options'
import { createPdfPrinter } from './electron/print-to-pdf'
import { createServices, type Services } from './services/create-services'
import { restoreClosedLibrary } from './services/backup-restore'
import { listBackups } from './db/backup-files'
import { SettingsStore } from './services/settings-store'
import { restoreBounds, WINDOW_STATE_KEY, WindowState } from './electron/window-state'
import { appRoute, describeRefusedLink, linkInArgv, parseDossierUrl, type DossierLink } from '../shared/links/dossier-link'
import { refuse } from '../shared/refusals'

const here = dirname(fileURLToPath(import.meta.url))
// Derived from this file rather than app.getAppPath(), which names out/main when Electron is
// started on the script itself (as test runners do) instead of on the project.
const appRoot = resolve(here, '../..')
const preloadPath = join(here, '../preload/index.cjs')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererDir = join(here, '../renderer')
// The page we load and the only page whose IPC we answer come from this one value. Built pages
// come from app://, never file:// (see electron/app-protocol.ts).
const rendererUrl = devServerUrl ?? APP_PAGE_URL

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

// For tests and for keeping separate libraries: must be set before the single-instance lock,
// which is held per userData directory.
if (process.env.DOSSIER_USER_DATA_DIR) app.setPath('userData', resolve(process.env.DOSSIER_USER_DATA_DIR))

let services: Services | undefined
let mainWindow: BrowserWindow | null = null
/** A dossier:// link that arrived before the window could show it. */
let pendingLink: DossierLink | null = null
const isTrusted = createSenderCheck(() => mainWindow, rendererUrl)

// macOS hands dossier:// links over in open-url, which may come before the app is ready.
app.on('open-url', (event, url) => {
  event.preventDefault()
  const link = parseDossierUrl(url)
  if (link) showLink(link)
  else logRefusedLink(url)
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Windows and Linux start a second Dossier with the link in its argv; it hands the argv here and quits.
  app.on('second-instance', (_event, argv) => {
    const { link, refused } = linkInArgv(argv)
    refused.forEach(logRefusedLink)
    if (link) return showLink(link)
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    } else if (services) {
      createWindow()
    }
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void openLink(url)))
  // Any other session (none today) gets the same denials and request filter as the default one.
  app.on('session-created', (created) => installSessionSecurity(created, { csp: CONTENT_SECURITY_POLICY, devServerUrl }))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => void services?.close())
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => quitWith({ title: 'Dossier could not start', message: firstLine(err) }, err))
}

/** Every link leaving Dossier: web or mail only, and only after the analyst agrees. */
const openLink = createLinkOpener(
  async (url) => {
    const { message, detail } = describeExternalLink(url)
    const options = { type: 'question' as const, buttons: ['Cancel', 'Open'], defaultId: 0, cancelId: 0, message, detail, noLink: true }
    const answer = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
    return answer.response === 1
  },
  // Reached only through createLinkOpener, which passes http(s) and mailto links after a parse and
  // the analyst's yes (security.test.ts), hence the Electronegativity exception on the next line.
  (url) => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
)

function start(): void {
  installSessionSecurity(session.defaultSession, { csp: CONTENT_SECURITY_POLICY, devServerUrl })
  // realpath once: the resolver compares real paths, and out/ may sit behind a symlink.
  if (!devServerUrl) protocol.handle(APP_SCHEME, createAppProtocolHandler(realpathSync(rendererDir), CONTENT_SECURITY_POLICY))
  const dbPath = process.env.DOSSIER_DB_PATH ? resolve(process.env.DOSSIER_DB_PATH) : join(app.getPath('userData'), 'dossier.sqlite')
  const nativeBinding = findNativeBinding(appRoot)
  const openLibrary = () =>
    createServices({
      dbPath,
      shell: 'electron',
      version: app.getVersion(),
      defaultExportDir: join(documentsDir(), 'Dossier Export'),
      nativeBinding,
      // Present in every build; absent only when this file runs from source under a test runner.
      parseWorkerPath: existsSync(join(here, 'parse-worker.js')) ? join(here, 'parse-worker.js') : undefined,
      dailyBackups: true,
      searchWorkerPath: existsSync(join(here, 'search-worker.js')) ? join(here, 'search-worker.js') : undefined,
      exportWriterPath: existsSync(join(here, 'export-writer.js')) ? join(here, 'export-writer.js') : undefined,
      computeWorkerPath: existsSync(join(here, 'compute-worker.js')) ? join(here, 'compute-worker.js') : undefined,
      // Native dialogs, menus and the window background follow the Settings screen's theme.
      onSettingsChanged: (settings) => {
        nativeTheme.themeSource = settings.theme
        void installMenu(settings.locale, dbPath)
      },
      // The browser extension's way in (decision 0022): 127.0.0.1 on the port in Settings; a
      // saved page's "Open in Dossier" link is the app's own dossier:// link.
      captureEndpoint: { articleLink: (id) => `dossier://article/${id}` },
      // The brief's PDF: its print-styled HTML in a hidden, script-less window, printed by Chromium.
      printPdf: createPdfPrinter((options) => new BrowserWindow(options)) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    })
  try {
    services = openLibrary()
  } catch (err) {
    const failure = describeStartupError(err, { dbPath, nativeBinding, backups: listBackups(dbPath) })
    if (!failure.offerRestore || !offerRestore(failure, dbPath, nativeBinding)) return quitWith(failure, err)
    // Once only: a library that still fails after its backup is restored is reported, not retried.
    try {
      services = openLibrary()
    } catch (again) {
      return quitWith(describeStartupError(again, { dbPath, nativeBinding }), again)
    }
  }
  nativeTheme.themeSource = services.settings.get().theme
  registerIpcHandlers(ipcMain, services.dispatch, isTrusted)
  void installMenu(services.settings.get().locale, dbPath)
  registerLinkScheme()
  const started = linkInArgv(process.argv)
  started.refused.forEach(logRefusedLink)
  createWindow(pendingLink ?? started.link ?? undefined)
  pendingLink = null
}

/** The interface language the menu speaks: the `locale` setting, or the OS's languages for "system". */
let menuLocale: UiLocale | null = null

/** Builds the native menu in the interface language; called at start and when the setting changes. */
async function installMenu(setting: AppSettings['locale'], dbPath: string): Promise<void> {
  const locale: UiLocale = setting === 'system' ? matchLocale(app.getPreferredSystemLanguages()) : setting
  if (locale === menuLocale) return
  menuLocale = locale
  const t = translator(await createI18n(locale))
  const template = buildMenuTemplate({
    t,
    platform: process.platform,
    appName: app.name,
    isDev: !app.isPackaged,
    send: (command) => {
      // With no window (macOS) there is no page to carry the command out; open one instead.
      if (!mainWindow) createWindow()
      else if (command === 'import' || command === 'import-folder') void importWithDialog(mainWindow, command === 'import-folder')
      else if (command === 'paste-import') void importClipboard(mainWindow)
      else sendAppEvent(mainWindow.webContents, { type: 'command', command })
    },
    showDataFolder: () => shell.showItemInFolder(dbPath)
  })
  // A newer language choice may have arrived while this one loaded its catalogs.
  if (menuLocale === locale) Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * Makes Dossier the handler of dossier:// links. Only the packaged app registers by default: a
 * development build would otherwise claim the scheme for a bare Electron binary.
 */
function registerLinkScheme(): void {
  if (!app.isPackaged && !process.env.DOSSIER_REGISTER_LINKS) return
  // Electronegativity asks that the links a handler receives be validated: they are, strictly,
  // by parseDossierUrl/linkInArgv (dossier-link.test.ts), and only ever become an article or
  // highlight id, never a URL that is navigated to or opened.
  const registered = process.defaultApp
    ? app.setAsDefaultProtocolClient('dossier', process.execPath, [resolve(process.argv[1] ?? '.')]) /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
    : app.setAsDefaultProtocolClient('dossier') /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  if (!registered) console.warn('[dossier] could not register as the handler of dossier:// links')
}

/** Opens a link's article (at its passage) in the window, opening the window if need be. */
function showLink(link: DossierLink): void {
  if (!services) {
    pendingLink = link
    return
  }
  if (!mainWindow) return createWindow(link)
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
  const contents = mainWindow.webContents
  if (contents.isLoading()) contents.once('did-finish-load', () => sendAppEvent(contents, { type: 'open-link', link }))
  else sendAppEvent(contents, { type: 'open-link', link })
}

function logRefusedLink(url: unknown): void {
  console.warn(`[dossier] ignored a link that is not dossier://article/<id> or dossier://highlight/<id>: ${describeRefusedLink(url)}`)
}

/** A link to open goes in the page's hash (the page reads it as a route); the file loaded is the same. */
function createWindow(link?: DossierLink): void {
  // contextIsolation, sandbox and Auxclick are set in buildWindowOptions and asserted by
  // window-options.test.ts; Electronegativity looks only for literal options, hence its exception.
  // Size and place as it was last closed, on a display that is still there.
  const store = services ? new SettingsStore(services.db) : null
  const { maximized, ...bounds } = restoreBounds(
    store?.get(WINDOW_STATE_KEY, WindowState.nullable(), null) ?? null,
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea)
  )
  const win = new BrowserWindow( // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    { ...buildWindowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors, devTools: !app.isPackaged }), ...bounds }
  )
  mainWindow = win
  win.once('ready-to-show', () => {
    if (maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    if (!store || !services?.db.open) return
    const normal = win.getNormalBounds()
    store.set(WINDOW_STATE_KEY, { ...normal, maximized: win.isMaximized() } satisfies WindowState)
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  installCloseFlush({ win, app, ipcMain, isTrusted })
  win.loadURL(link ? `${rendererUrl}#${appRoute(link)}` : rendererUrl).catch((err: unknown) => {
    // Closed while loading: the load was aborted, nothing failed.
    if (win.isDestroyed()) return
    const hint = devServerUrl ? 'Is the dev server running?' : 'Run `npm run build` and start Dossier again.'
    quitWith({ title: 'Dossier cannot show its window', message: `${rendererUrl} did not load. ${hint}\n\n${firstLine(err)}` }, err)
  })
}

/**
 * File > Import… and Import Folder… show the native dialog from main: a page may open a file
 * picker only on a click, and a menu command is not one. The files are imported as a job, and
 * the page follows its progress and shows the report.
 */
async function importWithDialog(win: BrowserWindow, folders: boolean): Promise<void> {
  const choice = await dialog.showOpenDialog(win, {
    title: folders ? 'Import a folder of articles' : 'Import articles',
    properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: folders ? [] : [{ name: 'Articles and documents', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'pdf', 'docx', 'epub'] }]
  })
  if (choice.canceled || !services || win.isDestroyed()) return
  try {
    const job = services.importJobs.start(choice.filePaths)
    for (const path of choice.filePaths) app.addRecentDocument(path)
    sendAppEvent(win.webContents, { type: 'import-started', jobId: job.jobId })
  } catch (err) {
    dialog.showErrorBox('Import failed', firstLine(err))
  }
}

/** File > Import Pasted Text…: main reads the clipboard, which the sandboxed page may not. */
async function importClipboard(win: BrowserWindow): Promise<void> {
  const text = await clipboardText()
  if (!services || win.isDestroyed()) return
  if (!text) {
    sendAppEvent(win.webContents, {
      type: 'import-results',
      results: [{ name: 'Clipboard', status: 'rejected', articleId: null, title: null, ...refuse('clipboard.empty').toInfo() }]
    })
    return
  }
  const result = await services.articles.importPaste(text)
  if (!win.isDestroyed()) sendAppEvent(win.webContents, { type: 'import-results', results: [result] })
}

/** The clipboard's HTML when it has some (structure survives), else its plain text. */
async function clipboardText(): Promise<string> {
  for (const item of await clipboard.read()) {
    if (item.types.includes('text/html')) return (await (await item.getType('text/html')).text()).trim()
  }
  return (await clipboard.readText()).trim()
}

function documentsDir(): string {
  try {
    return app.getPath('documents')
  } catch {
    // Some Linux desktops define no documents folder.
    return app.getPath('home')
  }
}

/** Asks whether to put a damaged library aside and restore its newest backup; true when that was done. */
function offerRestore(failure: StartupFailure, dbPath: string, nativeBinding: string | undefined): boolean {
  const backup = failure.offerRestore!
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: failure.title,
    message: failure.title,
    detail: failure.message,
    buttons: ['Restore the Backup', 'Quit'],
    defaultId: 0,
    cancelId: 1
  })
  if (choice !== 0) return false
  try {
    restoreClosedLibrary(backup.path, dbPath, { why: 'damaged', nativeBinding })
    return true
  } catch (err) {
    dialog.showErrorBox('The backup could not be restored', firstLine(err))
    return false
  }
}

/** Says what went wrong and quits: relaunching would only fail the same way again. */
function quitWith(failure: StartupFailure, err: unknown): void {
  console.error(`[dossier] ${failure.title}:`, err)
  dialog.showErrorBox(failure.title, failure.message)
  app.exit(1)
}
