import type { App, BrowserWindow, IpcMain, IpcMainEvent } from 'electron'
import { IPC_FLUSHED_CHANNEL } from '../../shared/channel-names'
import { sendAppEvent, type SenderCheck } from './ipc'

export type FlushOutcome = 'acknowledged' | 'timeout' | 'unreachable'

export const FLUSH_TIMEOUT_MS = 3000

export interface FlushGateOptions {
  /** Asks the page to save; false when there is no live page to ask. */
  request(): boolean
  timeoutMs: number
}

/**
 * One round of "save what you have, then tell me": the page gets one request, and the answer,
 * a timeout or an unreachable page all settle it, so a hung renderer cannot keep the window open.
 */
export class FlushGate {
  private outcome: FlushOutcome | null = null
  private pending: Promise<FlushOutcome> | null = null
  private settle: ((outcome: FlushOutcome) => void) | null = null

  constructor(private readonly options: FlushGateOptions) {}

  get done(): boolean {
    return this.outcome !== null
  }

  flush(): Promise<FlushOutcome> {
    this.pending ??= new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => finish('timeout'), this.options.timeoutMs)
      const finish = (outcome: FlushOutcome) => {
        if (this.outcome) return
        this.outcome = outcome
        this.settle = null
        clearTimeout(timer)
        resolve(outcome)
      }
      this.settle = finish
      if (!this.options.request()) finish('unreachable')
    })
    return this.pending
  }

  /** The page's answer. One that arrives unasked is ignored. */
  acknowledge(): void {
    this.settle?.('acknowledged')
  }
}

export interface CloseFlushDeps {
  win: BrowserWindow
  app: Pick<App, 'on' | 'removeListener' | 'quit'>
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>
  isTrusted: SenderCheck
  timeoutMs?: number
  log?: (message: string) => void
}

/**
 * Holds the window's close, and the app's quit, until the page has saved pending note edits
 * (it debounces them) or FLUSH_TIMEOUT_MS has passed.
 */
export function installCloseFlush({ win, app, ipcMain, isTrusted, timeoutMs = FLUSH_TIMEOUT_MS, log = console.warn }: CloseFlushDeps): FlushGate {
  const gate = new FlushGate({
    // A page still loading has no edits yet, and no listener to answer with.
    request: () => !win.webContents.isLoading() && sendAppEvent(win.webContents, { type: 'flush-request' }),
    timeoutMs
  })

  const onFlushed = (event: IpcMainEvent) => {
    if (event.sender === win.webContents && isTrusted(event)) gate.acknowledge()
  }

  const flushThen = (proceed: () => void) => {
    void gate.flush().then((outcome) => {
      if (outcome !== 'acknowledged') log(`[dossier] closing without the page confirming its saves (${outcome}).`)
      proceed()
    })
  }

  const onBeforeQuit = (event: Electron.Event) => {
    if (gate.done || win.isDestroyed()) return
    event.preventDefault()
    flushThen(() => app.quit())
  }

  win.on('close', (event) => {
    if (gate.done) return
    event.preventDefault()
    flushThen(() => {
      if (!win.isDestroyed()) win.close()
    })
  })
  win.once('closed', () => {
    ipcMain.removeListener(IPC_FLUSHED_CHANNEL, onFlushed)
    app.removeListener('before-quit', onBeforeQuit)
  })
  ipcMain.on(IPC_FLUSHED_CHANNEL, onFlushed)
  app.on('before-quit', onBeforeQuit)
  return gate
}
