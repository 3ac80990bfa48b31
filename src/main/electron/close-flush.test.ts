import type { BrowserWindow, IpcMain, IpcMainEvent } from 'electron'
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_FLUSHED_CHANNEL } from '../../shared/channel-names'
import { FlushGate, installCloseFlush } from './close-flush'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('FlushGate', () => {
  it('settles on the acknowledgement and asks only once', async () => {
    const request = vi.fn(() => true)
    const gate = new FlushGate({ request, timeoutMs: 3000 })
    const first = gate.flush()
    const second = gate.flush()
    expect(gate.done).toBe(false)
    gate.acknowledge()
    await expect(first).resolves.toBe('acknowledged')
    await expect(second).resolves.toBe('acknowledged')
    expect(request).toHaveBeenCalledOnce()
    expect(gate.done).toBe(true)
  })

  it('gives up after the timeout', async () => {
    const gate = new FlushGate({ request: () => true, timeoutMs: 3000 })
    const outcome = gate.flush()
    await vi.advanceTimersByTimeAsync(2999)
    expect(gate.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await expect(outcome).resolves.toBe('timeout')
  })

  it('does not wait for a page that cannot be asked', async () => {
    const gate = new FlushGate({ request: () => false, timeoutMs: 3000 })
    await expect(gate.flush()).resolves.toBe('unreachable')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ignores an acknowledgement nobody asked for', () => {
    const gate = new FlushGate({ request: () => true, timeoutMs: 3000 })
    gate.acknowledge()
    expect(gate.done).toBe(false)
  })
})

describe('installCloseFlush', () => {
  function setup(options: { trusted?: boolean; loading?: boolean } = {}) {
    const webContents = Object.assign(new EventEmitter(), {
      send: vi.fn(),
      isDestroyed: () => false,
      isCrashed: () => false,
      isLoading: () => options.loading ?? false
    })
    let destroyed = false
    const win = Object.assign(new EventEmitter(), {
      webContents,
      isDestroyed: () => destroyed,
      close: vi.fn(() => {
        const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
        win.emit('close', event)
        if (!event.defaultPrevented) {
          destroyed = true
          win.emit('closed')
        }
      })
    })
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() })
    const ipcMain = new EventEmitter()
    const log = vi.fn()
    installCloseFlush({
      win: win as unknown as BrowserWindow,
      app: app as never,
      ipcMain: ipcMain as unknown as IpcMain,
      isTrusted: () => options.trusted ?? true,
      log
    })
    const ack = (sender: unknown = webContents) => ipcMain.emit(IPC_FLUSHED_CHANNEL, { sender } as unknown as IpcMainEvent)
    const beforeQuit = () => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
      app.emit('before-quit', event)
      return event.defaultPrevented
    }
    return { win, webContents, app, ipcMain, ack, beforeQuit, log, isDestroyed: () => destroyed }
  }

  it('holds the close, asks the page to flush, and closes once it answers', async () => {
    const t = setup()
    t.win.close()
    expect(t.isDestroyed()).toBe(false)
    expect(t.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { type: 'flush-request' })
    t.ack()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.isDestroyed()).toBe(true)
    expect(t.win.close).toHaveBeenCalledTimes(2)
    expect(t.log).not.toHaveBeenCalled()
  })

  it('closes after three seconds when the page never answers', async () => {
    const t = setup()
    t.win.close()
    await vi.advanceTimersByTimeAsync(2900)
    expect(t.isDestroyed()).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(t.isDestroyed()).toBe(true)
    expect(t.log).toHaveBeenCalledOnce()
  })

  it('ignores acknowledgements from other senders or untrusted frames', async () => {
    const t = setup()
    t.win.close()
    t.ack({ other: true })
    await vi.advanceTimersByTimeAsync(0)
    expect(t.isDestroyed()).toBe(false)

    const u = setup({ trusted: false })
    u.win.close()
    u.ack()
    await vi.advanceTimersByTimeAsync(0)
    expect(u.isDestroyed()).toBe(false)
  })

  it('closes at once while the page is still loading', async () => {
    const t = setup({ loading: true })
    t.win.close()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.webContents.send).not.toHaveBeenCalled()
    expect(t.isDestroyed()).toBe(true)
  })

  it('asks only once when close is pressed repeatedly', () => {
    const t = setup()
    t.win.close()
    t.win.close()
    expect(t.webContents.send).toHaveBeenCalledOnce()
  })

  it('holds a quit until the flush, then quits again', async () => {
    const t = setup()
    expect(t.beforeQuit()).toBe(true)
    expect(t.app.quit).not.toHaveBeenCalled()
    t.ack()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.app.quit).toHaveBeenCalledOnce()
    // The second before-quit, and the window close that follows it, go through.
    expect(t.beforeQuit()).toBe(false)
    t.win.close()
    expect(t.isDestroyed()).toBe(true)
  })

  it('stops listening once the window is gone', async () => {
    const t = setup()
    t.win.close()
    t.ack()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.ipcMain.listenerCount(IPC_FLUSHED_CHANNEL)).toBe(0)
    expect(t.app.listenerCount('before-quit')).toBe(0)
  })
})
