import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/channel-names'
import { createSenderCheck, registerIpcHandlers, sendAppEvent, UNAUTHORIZED } from './ipc'

const PAGE = 'file:///app/out/renderer/index.html'

type Handler = (event: IpcMainInvokeEvent, input: unknown) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    },
    removeHandler: (channel: string) => handlers.delete(channel)
  }
  return { ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers }
}

function fakeWindow() {
  const webContents = { id: 1 }
  return { webContents, isDestroyed: () => false } as unknown as BrowserWindow
}

function eventFrom(sender: unknown, frame: { url: string; parent: unknown } | null) {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const unregister = registerIpcHandlers(ipcMain, vi.fn(), () => true)
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort())
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('passes trusted calls to dispatch under their own channel name', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'x' }))
    registerIpcHandlers(ipcMain, dispatch, () => true)
    await expect(handlers.get(ipcChannel('note.get'))!(eventFrom(null, null), { highlightId: 'h1' })).resolves.toEqual({ ok: true, value: 'x' })
    expect(dispatch).toHaveBeenCalledWith('note.get', { highlightId: 'h1' })
  })

  it('answers untrusted calls with unauthorized and never dispatches them', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const dispatch = vi.fn()
    registerIpcHandlers(ipcMain, dispatch, () => false)
    for (const handler of handlers.values()) expect(await handler(eventFrom(null, null), {})).toEqual(UNAUTHORIZED)
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('createSenderCheck', () => {
  it('trusts the top frame of our window showing our page', () => {
    const win = fakeWindow()
    const check = createSenderCheck(() => win, PAGE)
    expect(check(eventFrom(win.webContents, { url: `${PAGE}#/a`, parent: null }))).toBe(true)
  })

  it('refuses subframes, other pages, other webContents and a missing frame', () => {
    const win = fakeWindow()
    const check = createSenderCheck(() => win, PAGE)
    expect(check(eventFrom(win.webContents, { url: PAGE, parent: {} }))).toBe(false)
    expect(check(eventFrom(win.webContents, { url: 'file:///tmp/evil.html', parent: null }))).toBe(false)
    expect(check(eventFrom({ id: 2 }, { url: PAGE, parent: null }))).toBe(false)
    expect(check(eventFrom(win.webContents, null))).toBe(false)
  })

  it('refuses everything when there is no live window', () => {
    const win = fakeWindow()
    const event = eventFrom(win.webContents, { url: PAGE, parent: null })
    expect(createSenderCheck(() => null, PAGE)(event)).toBe(false)
    expect(createSenderCheck(() => ({ webContents: win.webContents, isDestroyed: () => true }), PAGE)(event)).toBe(false)
  })
})

describe('sendAppEvent', () => {
  const contents = (state: { destroyed?: boolean; crashed?: boolean } = {}) => ({
    send: vi.fn(),
    isDestroyed: () => state.destroyed ?? false,
    isCrashed: () => state.crashed ?? false
  })

  it('sends on the event channel', () => {
    const c = contents()
    expect(sendAppEvent(c, { type: 'command', command: 'import' })).toBe(true)
    expect(c.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { type: 'command', command: 'import' })
  })

  it('reports a page that cannot receive', () => {
    expect(sendAppEvent(null, { type: 'flush-request' })).toBe(false)
    expect(sendAppEvent(contents({ destroyed: true }), { type: 'flush-request' })).toBe(false)
    expect(sendAppEvent(contents({ crashed: true }), { type: 'flush-request' })).toBe(false)
  })
})
