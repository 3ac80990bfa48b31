/**
 * The Electron shell: it wires Electron to the same services every other shell uses, and holds
 * no logic of its own worth testing. Everything testable sits in ./electron as plain modules,
 * because the Electron binary cannot be downloaded where the tests run.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, session, shell } from 'electron'
import { readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { installCloseFlush } from './electron/close-flush'
import { createSenderCheck, registerIpcHandlers, sendAppEvent } from './electron/ipc'
import { buildMenuTemplate } from './electron/menu-template'
import { findNativeBinding } from './electron/native-binding'
import { hardenWebContents, installSessionSecurity } from './electron/security'
import { describeStartupError, type StartupFailure } from './electron/startup-error'
import { buildWindowOptions } from './electron/window-options'
import { createServices, type Services } from './services/create-services'

const here = dirname(fileURLToPath(import.meta.url))
// Derived from this file rather than app.getAppPath(), which names out/main when Electron is
// started on the script itself (as test runners do) instead of on the project.
const appRoot = resolve(here, '../..')
const preloadPath = join(here, '../preload/index.cjs')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
// The page we load and the only page whose IPC we answer come from this one value.
const rendererUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href

// For tests and for keeping separate libraries: must be set before the single-instance lock,
// which is held per userData directory.
if (process.env.DOSSIER_USER_DATA_DIR) app.setPath('userData', resolve(process.env.DOSSIER_USER_DATA_DIR))

let services: Services | undefined
let mainWindow: BrowserWindow | null = null
const isTrusted = createSenderCheck(() => mainWindow, rendererUrl)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    } else if (services) {
      createWindow()
    }
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => services?.close())
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => quitWith({ title: 'Dossier could not start', message: firstLine(err) }, err))
}

function start(): void {
  installSessionSecurity(session.defaultSession, CONTENT_SECURITY_POLICY)
  const dbPath = process.env.DOSSIER_DB_PATH ? resolve(process.env.DOSSIER_DB_PATH) : join(app.getPath('userData'), 'dossier.sqlite')
  const nativeBinding = findNativeBinding(appRoot)
  try {
    services = createServices({
      dbPath,
      shell: 'electron',
      version: app.getVersion(),
      defaultExportDir: join(documentsDir(), 'Dossier Export'),
      nativeBinding
    })
  } catch (err) {
    return quitWith(describeStartupError(err, { dbPath, nativeBinding }), err)
  }
  registerIpcHandlers(ipcMain, services.dispatch, isTrusted)
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    isDev: !app.isPackaged,
    send: (command) => {
      // With no window (macOS) there is no page to carry the command out; open one instead.
      if (!mainWindow) createWindow()
      else if (command === 'import') void importWithDialog(mainWindow)
      else sendAppEvent(mainWindow.webContents, { type: 'command', command })
    },
    showDataFolder: () => shell.showItemInFolder(dbPath)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  createWindow()
}

function createWindow(): void {
  const win = new BrowserWindow(
    buildWindowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors, devTools: !app.isPackaged })
  )
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  installCloseFlush({ win, app, ipcMain, isTrusted })
  win.loadURL(rendererUrl).catch((err: unknown) => {
    // Closed while loading: the load was aborted, nothing failed.
    if (win.isDestroyed()) return
    const hint = devServerUrl ? 'Is the dev server running?' : 'Run `npm run build` and start Dossier again.'
    quitWith({ title: 'Dossier cannot show its window', message: `${rendererUrl} did not load. ${hint}\n\n${firstLine(err)}` }, err)
  })
}

/**
 * File > Import… shows the native dialog from main: a page may open a file picker only on a
 * click, and a menu command is not one. The page gets the per-file results to report.
 */
async function importWithDialog(win: BrowserWindow): Promise<void> {
  const choice = await dialog.showOpenDialog(win, {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm'] }]
  })
  if (choice.canceled || !services) return
  const results = choice.filePaths.map((path) => {
    const name = basename(path)
    try {
      return services!.articles.importFile(name, readFileSync(path))
    } catch (err) {
      return { name, status: 'rejected' as const, articleId: null, title: null, message: `${name}: ${firstLine(err)}` }
    }
  })
  if (!win.isDestroyed()) sendAppEvent(win.webContents, { type: 'import-results', results })
}

function documentsDir(): string {
  try {
    return app.getPath('documents')
  } catch {
    // Some Linux desktops define no documents folder.
    return app.getPath('home')
  }
}

/** Says what went wrong and quits: relaunching would only fail the same way again. */
function quitWith(failure: StartupFailure, err: unknown): void {
  console.error(`[dossier] ${failure.title}:`, err)
  dialog.showErrorBox(failure.title, failure.message)
  app.exit(1)
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!
}
