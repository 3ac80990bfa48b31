/**
 * Checklist item 20: the page gets no Electron API, only one function per contract channel.
 * The preload runs here against a stand-in for the electron module, which records what the
 * preload exposes and what it sends.
 */
import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, ipcChannel } from '../shared/channel-names'

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      fake.invoked.push([channel, input])
      return { ok: true, value: null }
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => fake.listeners.set(channel, listener),
    removeListener: (channel: string) => fake.listeners.delete(channel),
    send: vi.fn()
  }
}))

await import('./index')

describe('the preload bridge', () => {
  const bridge = () => fake.exposed.get('dossierBridge') as Record<string, unknown> & { invoke: Record<string, (input: unknown) => Promise<unknown>> }

  it('exposes one object with three members and nothing of Electron', () => {
    expect([...fake.exposed.keys()]).toEqual(['dossierBridge'])
    expect(Object.keys(bridge()).sort()).toEqual(['flushed', 'invoke', 'onEvent'])
    for (const value of Object.values(bridge())) expect(value).not.toHaveProperty('invoke', expect.anything())
  })

  it('has exactly one function per contract channel, each bound to its own IPC name', async () => {
    expect(Object.keys(bridge().invoke).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const name of CHANNEL_NAMES) {
      expect(typeof bridge().invoke[name]).toBe('function')
      await bridge().invoke[name]!({ probe: name })
    }
    expect(fake.invoked).toEqual(CHANNEL_NAMES.map((name) => [ipcChannel(name), { probe: name }]))
  })

  it('hands the page event payloads, never the IPC event with its sender', () => {
    const seen: unknown[] = []
    const unsubscribe = (bridge().onEvent as (l: (e: unknown) => void) => () => void)((e) => seen.push(e))
    fake.listeners.get(IPC_EVENT_CHANNEL)!({ sender: { send: () => {} }, senderFrame: {} }, { type: 'flush-request' })
    expect(seen).toEqual([{ type: 'flush-request' }])
    unsubscribe()
    expect(fake.listeners.has(IPC_EVENT_CHANNEL)).toBe(false)
  })
})
