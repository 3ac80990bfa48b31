/**
 * The Electron shell's wiring, run in plain Node against a stand-in for the electron module
 * (the real binary cannot be downloaded where tests run). The services, database and IPC
 * checks underneath are the real ones.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_FLUSHED_CHANNEL, ipcChannel } from '../shared/channel-names'

const fake = await vi.hoisted(async () => {
  // Imported inside the hoisted block: it runs before the file's own imports are bound.
  const { EventEmitter: Emitter } = await import('node:events')
  const { join } = await import('node:path')
  const preventable = () => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
    return event
  }

  class FakeWebContents extends Emitter {
    url = ''
    sent: [string, unknown][] = []
    openHandler: ((details: { url: string }) => unknown) | undefined
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
      state.onSend?.(channel, payload)
    }
    isDestroyed = () => false
    isCrashed = () => false
    isLoading = () => false
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.openHandler = handler
    }
  }

  class FakeWindow extends Emitter {
    static all: FakeWindow[] = []
    static getAllWindows = () => FakeWindow.all
    webContents = new FakeWebContents()
    destroyed = false
    constructor(readonly options: Record<string, unknown>) {
      super()
      FakeWindow.all.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    async loadURL(url: string) {
      this.webContents.url = url
      this.emit('ready-to-show')
    }
    show = () => {}
    maximize = () => {}
    isMaximized = () => false
    getNormalBounds = () => ({ x: Number(this.options.x ?? 0), y: Number(this.options.y ?? 0), width: Number(this.options.width), height: Number(this.options.height) })
    focus = () => {}
    isMinimized = () => false
    isDestroyed = () => this.destroyed
    close() {
      const event = preventable()
      this.emit('close', event)
      if (event.defaultPrevented) return
      this.destroyed = true
      FakeWindow.all = FakeWindow.all.filter((w) => w !== this)
      this.emit('closed')
      if (FakeWindow.all.length === 0) app.emit('window-all-closed')
    }
  }

  class FakeApp extends Emitter {
    isPackaged = true
    name = 'Dossier'
    paths: Record<string, string> = {}
    exitCode: number | undefined
    quitCount = 0
    recent: string[] = []
    protocolClients: string[] = []
    setAsDefaultProtocolClient = (scheme: string) => (this.protocolClients.push(scheme), true)
    addRecentDocument = (path: string) => void this.recent.push(path)
    requestSingleInstanceLock = () => true
    setPath = (name: string, path: string) => void (this.paths[name] = path)
    getPath = (name: string) => this.paths[name] ?? join(this.paths.userData ?? '/nowhere', name)
    getVersion = () => '9.9.9'
    getPreferredSystemLanguages = () => ['en-US']
    whenReady = () => Promise.resolve()
    exit = (code: number) => void (this.exitCode = code)
    quit() {
      this.quitCount++
      const event = preventable()
      this.emit('before-quit', event)
      if (event.defaultPrevented) return
      for (const win of [...FakeWindow.all]) win.close()
      this.emit('will-quit')
    }
  }

  class FakeIpcMain extends Emitter {
    handlers = new Map<string, (event: unknown, input: unknown) => unknown>()
    handle = (channel: string, handler: (event: unknown, input: unknown) => unknown) => void this.handlers.set(channel, handler)
    removeHandler = (channel: string) => void this.handlers.delete(channel)
  }

  const app = new FakeApp()
  const state = {
    app,
    ipcMain: new FakeIpcMain(),
    FakeWindow,
    errors: [] as { title: string; message: string }[],
    menu: [] as { label?: string; role?: string; submenu?: { id?: string; click?: () => void }[] }[],
    opened: [] as string[],
    /** The answer the link confirmation dialog gets: 1 opens, 0 cancels. */
    linkAnswer: 1,
    asked: [] as { message: string; detail?: string }[],
    schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: { method: string; url: string }) => Promise<Response>>(),
    /** What the native open dialog "chooses" for File > Import…. */
    chosenFiles: [] as string[],
    onSend: undefined as ((channel: string, payload: unknown) => void) | undefined,
    workArea: { x: 0, y: 0, width: 1920, height: 1050 },
    electron: {} as Record<string, unknown>
  }
  state.electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: state.ipcMain,
    dialog: {
      showErrorBox: (title: string, message: string) => state.errors.push({ title, message }),
      showOpenDialog: async () => ({ canceled: state.chosenFiles.length === 0, filePaths: state.chosenFiles }),
      showMessageBox: async (...args: unknown[]) => {
        state.asked.push(args.at(-1) as { message: string; detail?: string })
        return { response: state.linkAnswer, checkboxChecked: false }
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof state.schemes) => void state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: { method: string; url: string }) => Promise<Response>) =>
        void state.protocolHandlers.set(scheme, handler)
    },
    Menu: { buildFromTemplate: (t: typeof state.menu) => t, setApplicationMenu: (t: typeof state.menu) => void (state.menu = t) },
    nativeTheme: { shouldUseDarkColors: true },
    screen: {
      getPrimaryDisplay: () => ({ workArea: state.workArea }),
      getAllDisplays: () => [{ workArea: state.workArea }]
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} }
      }
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url), showItemInFolder: () => {} }
  }
  return state
})

vi.mock('electron', () => fake.electron)

let dir: string

// Each test starts the shell afresh: index.ts wires everything at import time.
beforeEach(() => {
  vi.resetModules()
  fake.FakeWindow.all = []
  fake.errors.length = 0
  fake.opened.length = 0
  fake.asked.length = 0
  fake.linkAnswer = 1
  fake.schemes.length = 0
  fake.protocolHandlers.clear()
  fake.app.removeAllListeners()
  fake.app.exitCode = undefined
  fake.app.quitCount = 0
  fake.app.paths = {}
  fake.app.protocolClients = []
  fake.ipcMain.removeAllListeners()
  fake.ipcMain.handlers.clear()
  dir = mkdtempSync(join(tmpdir(), 'dossier-shell-'))
  vi.stubEnv('DOSSIER_USER_DATA_DIR', dir)
  vi.stubEnv('DOSSIER_DB_PATH', '')
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

afterEach(() => {
  fake.app.emit('will-quit')
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

async function startShell() {
  await import('./index')
  await vi.waitFor(() => expect(fake.FakeWindow.all.length + fake.errors.length).toBeGreaterThan(0))
  const win = fake.FakeWindow.all[0]!
  const trusted = { sender: win?.webContents, senderFrame: { url: win?.webContents.url, parent: null } }
  // ipcMain.handle takes a value or a promise, as the handlers return.
  const invoke = async (channel: (typeof CHANNEL_NAMES)[number], input: unknown, event: unknown = trusted) =>
    fake.ipcMain.handlers.get(ipcChannel(channel))!(event, input)
  return { win, trusted, invoke }
}

describe('the Electron shell', () => {
  it('opens the library in userData, answers the window over IPC, and refuses anyone else', async () => {
    const { win, invoke } = await startShell()
    expect(fake.app.paths.userData).toBe(dir)
    // The page comes from app://, served only from the renderer folder, never from file://.
    expect(win.webContents.url).toBe('app://dossier/index.html')
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    const served = await fake.protocolHandlers.get('app')!({ method: 'GET', url: 'app://dossier/index.html' })
    expect(served.status).toBe(200)
    expect(served.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect((await fake.protocolHandlers.get('app')!({ method: 'GET', url: 'app://dossier/../../package.json' })).status).toBe(404)
    // A session created later gets the same defences as the default one.
    const created = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() }
    }
    fake.app.emit('session-created', created)
    expect(created.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(created.webRequest.onBeforeRequest).toHaveBeenCalledOnce()
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false })
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort())

    await expect(invoke('app.info', {})).resolves.toEqual({
      ok: true,
      value: { version: '9.9.9', dbPath: join(dir, 'dossier.sqlite'), defaultExportDir: join(dir, 'documents', 'Dossier Export'), shell: 'electron' }
    })
    await expect(invoke('article.importSample', {})).resolves.toMatchObject({ ok: true, value: { status: 'imported' } })
    const intruder = { sender: win.webContents, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }
    await expect(invoke('library.list', {}, intruder)).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    // File > Import… imports what the native dialog chose as a job; the page follows its progress.
    const chosen = join(dir, 'chosen-article.txt')
    writeFileSync(chosen, 'Ferry tariffs rise again\n\nThe operator raised tariffs by four percent.')
    fake.chosenFiles = [chosen]
    // The menu is built once its language's catalogs are loaded.
    await vi.waitFor(() => expect(fake.menu.length).toBeGreaterThan(0))
    const importItem = fake.menu.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'command.import')
    importItem!.click!()
    await vi.waitFor(() => expect(win.webContents.sent.at(-1)?.[1]).toMatchObject({ type: 'import-started' }))
    const { jobId } = (win.webContents.sent.at(-1) as [string, { jobId: string }])[1]
    await vi.waitFor(async () => expect(await invoke('import.status', { jobId })).toMatchObject({ ok: true, value: { finished: true, done: 1 } }))
    const status = (await invoke('import.status', { jobId })) as { value: { results: { name: string; status: string; title: string | null }[] } }
    expect(status.value.results[0]).toMatchObject({ name: 'chosen-article.txt', status: 'imported', title: 'Ferry tariffs rise again' })
    expect(fake.app.recent).toEqual([chosen])
    // A path that vanished between the dialog and the import is explained, not thrown.
    fake.chosenFiles = [join(dir, 'missing.txt')]
    importItem!.click!()
    await vi.waitFor(() => expect(fake.errors.at(-1)?.message).toContain('missing.txt'))
    // Other menu commands reach the page; links the page opens go to the OS browser, and nowhere else.
    const exportItem = fake.menu.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'command.export')
    exportItem!.click!()
    expect(win.webContents.sent.at(-1)).toEqual([IPC_EVENT_CHANNEL, { type: 'command', command: 'export' }])
    expect(win.webContents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(win.webContents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://example.com/']))
    expect(fake.asked).toEqual([expect.objectContaining({ detail: expect.stringContaining('https://example.com/') })])
    // When the analyst says no, nothing opens.
    fake.linkAnswer = 0
    win.webContents.openHandler!({ url: 'https://example.org/' })
    await vi.waitFor(() => expect(fake.asked).toHaveLength(2))
    expect(fake.opened).toEqual(['https://example.com/'])
  })

  it('waits for the page to flush before the window closes and the app quits', async () => {
    const { win, trusted } = await startShell()
    fake.onSend = (_channel, payload) => {
      if ((payload as { type?: string }).type === 'flush-request') setTimeout(() => fake.ipcMain.emit(IPC_FLUSHED_CHANNEL, trusted), 10)
    }
    win.close()
    expect(win.destroyed).toBe(false)
    await vi.waitFor(() => expect(win.destroyed).toBe(true))
    // Closing the last window quits, except on macOS.
    expect(fake.app.quitCount).toBe(process.platform === 'darwin' ? 0 : 1)
    fake.onSend = undefined
  })

  it('explains a database from a newer Dossier and quits without opening a window', async () => {
    const db = new Database(join(dir, 'dossier.sqlite'))
    db.pragma('user_version = 999')
    db.close()
    await startShell()
    expect(fake.errors).toEqual([{ title: 'Dossier needs an update', message: expect.stringContaining('newer version of Dossier') }])
    expect(fake.app.exitCode).toBe(1)
    expect(fake.FakeWindow.all).toEqual([])
  })

  it('opens dossier:// links from the OS, and ignores anything else with a log line', async () => {
    const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'
    // Windows and Linux: the first instance was started by a link.
    process.argv.push(`dossier://highlight/${id}`, 'dossier://article/..%2f..%2fetc')
    let started: Awaited<ReturnType<typeof startShell>>
    try {
      started = await startShell()
    } finally {
      process.argv.splice(-2, 2)
    }
    const { win } = started
    expect(fake.app.protocolClients).toEqual(['dossier'])
    expect(win.webContents.url).toBe(`app://dossier/index.html#/highlight/${id}`)
    const warn = vi.mocked(console.warn)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"dossier://article/..%2f..%2fetc"'))

    // A second instance hands over its argv; macOS sends open-url.
    fake.app.emit('second-instance', {}, ['C:\\Dossier\\Dossier.exe', `dossier://article/${id}`], dir)
    expect(win.webContents.sent.at(-1)).toEqual([IPC_EVENT_CHANNEL, { type: 'open-link', link: { kind: 'article', id } }])
    const openUrl = { defaultPrevented: false, preventDefault: () => void (openUrl.defaultPrevented = true) }
    fake.app.emit('open-url', openUrl, `DOSSIER://HIGHLIGHT/${id.toUpperCase()}`)
    expect(openUrl.defaultPrevented).toBe(true)
    expect(win.webContents.sent.at(-1)).toEqual([IPC_EVENT_CHANNEL, { type: 'open-link', link: { kind: 'highlight', id } }])

    // Hostile links reach neither the page nor the shell.
    const sent = win.webContents.sent.length
    warn.mockClear()
    fake.app.emit('second-instance', {}, ['dossier', 'dossier://article/x;rm -rf ~'], dir)
    fake.app.emit('open-url', openUrl, 'file:///etc/passwd')
    fake.app.emit('open-url', openUrl, `dossier://highlight/${id}?next=https://evil.example`)
    expect(win.webContents.sent).toHaveLength(sent)
    expect(warn).toHaveBeenCalledTimes(3)
    expect(fake.opened).toEqual([])
  })

  it('remembers the window’s size and place, and brings it back onto a display that is there', async () => {
    const { win } = await startShell()
    // First start: the default size, centred on the primary display.
    expect(win.options).toMatchObject({ x: 320, y: 105, width: 1280, height: 840 })
    win.getNormalBounds = () => ({ x: 2500, y: 40, width: 1000, height: 700 })
    win.emit('close', { preventDefault: () => {} })
    const db = new Database(join(dir, 'dossier.sqlite'), { readonly: true })
    const row = db.prepare("SELECT value FROM settings WHERE key = 'window.state'").get() as { value: string }
    db.close()
    expect(JSON.parse(row.value)).toEqual({ x: 2500, y: 40, width: 1000, height: 700, maximized: false })

    // Reopened (macOS: the dock icon) after that monitor was unplugged: centred on the one left.
    fake.FakeWindow.all = []
    fake.app.emit('activate')
    expect(fake.FakeWindow.all[0]!.options).toMatchObject({ x: 460, y: 175, width: 1000, height: 700 })
  })
})
