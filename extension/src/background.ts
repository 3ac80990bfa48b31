import type { CaptureRequest } from '../../src/shared/capture/capture-wire'
import { api } from './api'
import { DEFAULT_CONNECTION, DossierClient, type Connection } from './dossier-client'
import { queueSummary, type Overview, type Reply, type Request } from './messages'
import { CaptureQueue, type SentCapture } from './queue'
import { readPage } from './read-page'

/**
 * The extension's background worker: the one place that reads pages (on the analyst's click,
 * through activeTab), keeps the queue and talks to Dossier. The popup, the context menu and the
 * keyboard shortcut all come here.
 */
const queue = new CaptureQueue(api.storage.local)
const MENU_ID = 'dossier-save'
const FLUSH_ALARM = 'dossier-flush'

async function connection(): Promise<Connection> {
  const stored = (await api.storage.local.get(['connection'])).connection as Partial<Connection> | undefined
  return { ...DEFAULT_CONNECTION, ...stored }
}

async function setConnection(patch: Partial<Connection>): Promise<void> {
  await api.storage.local.set({ connection: { ...(await connection()), ...patch } })
}

async function choices(): Promise<{ caseId: string | null; tags: string[] }> {
  const stored = (await api.storage.local.get(['choices'])).choices as { caseId: string | null; tags: string[] } | undefined
  return stored ?? { caseId: null, tags: [] }
}

async function client(): Promise<DossierClient> {
  return new DossierClient(await connection())
}

async function showQueueSize(): Promise<void> {
  const n = (await queue.items()).length
  await api.action.setBadgeText({ text: n ? String(n) : '' }).catch(() => undefined)
}

async function flush(): Promise<{ delivered: number; left: number }> {
  const dossier = await client()
  const result = await queue.flush((request) => dossier.send(request))
  await showQueueSize()
  return result
}

/**
 * Reads the tab the analyst pointed at and queues it, then tries to send everything waiting.
 * The result is what Dossier said about this page, or that it waits in the queue.
 */
async function saveTab(tabId: number): Promise<{ queued: boolean; sent: SentCapture | null }> {
  const [injection] = await api.scripting.executeScript({ target: { tabId }, func: readPage })
  const page = injection?.result
  if (!page) throw new Error('Dossier could not read this page.')
  if (!/^https?:/i.test(page.url)) throw new Error('Only web pages (http and https) can be saved to Dossier.')
  const { caseId, tags } = await choices()
  const request: CaptureRequest = {
    html: page.html,
    url: page.url,
    title: page.title,
    capturedAt: new Date().toISOString(),
    userAgent: navigator.userAgent,
    selection: page.selection,
    caseId,
    tags
  }
  const item = await queue.add(request)
  await flush()
  const sent = (await queue.sent()).find((s) => s.id === item.id) ?? null
  return { queued: sent === null, sent }
}

/**
 * The tab to save: the active tab of the window the popup belongs to. When the popup is open in
 * a tab of its own, the web page used last in that window.
 */
async function targetTab(tabId?: number): Promise<number> {
  if (tabId !== undefined) return tabId
  const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true })
  if (active?.id !== undefined && /^https?:/i.test(active.url ?? '')) return active.id
  const own = api.runtime.getURL('')
  const candidates = (await api.tabs.query(active ? { windowId: active.windowId } : {}))
    .filter((t) => t.id !== undefined && !(t.url ?? '').startsWith(own) && /^https?:/i.test(t.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
  if (!candidates[0]) throw new Error('Open the web page to save, then press Save to Dossier.')
  return candidates[0].id!
}

async function overview(): Promise<Overview> {
  const conn = await connection()
  const dossier = new DossierClient(conn)
  const reachability = await dossier.status()
  if (reachability.reachable && reachability.paired) await flush()
  const cases = reachability.reachable && reachability.paired ? await dossier.cases().catch(() => []) : []
  const { caseId, tags } = await choices()
  return { port: conn.port, paired: conn.key !== null, reachability, cases, caseId, tags, queue: queueSummary(await queue.items()), sent: await queue.sent() }
}

async function browserName(): Promise<string> {
  const ua = navigator.userAgent
  const name = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Brave/.test(ua) ? 'Brave' : /Chrome\//.test(ua) ? 'Chromium browser' : 'Browser'
  const os = (await api.runtime.getPlatformInfo().catch(() => ({ os: '' }))).os
  return os ? `${name} on ${os === 'mac' ? 'macOS' : os === 'win' ? 'Windows' : os === 'linux' ? 'Linux' : os}` : name
}

async function handle(message: Request): Promise<unknown> {
  switch (message.kind) {
    case 'overview':
      return overview()
    case 'save':
      return saveTab(await targetTab(message.tabId))
    case 'flush':
      return flush()
    case 'pair': {
      await setConnection({ port: message.port })
      const { key } = await new DossierClient({ port: message.port, key: null }).pair(message.code, await browserName())
      await setConnection({ key })
      await flush()
      return overview()
    }
    case 'forget':
      await setConnection({ key: null })
      return overview()
    case 'setPort':
      await setConnection({ port: message.port })
      return overview()
    case 'choose':
      await api.storage.local.set({ choices: { caseId: message.caseId, tags: message.tags } })
      return null
    case 'drop':
      await queue.remove(message.id)
      await showQueueSize()
      return overview()
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own pages talk to it: no content scripts, no externally_connectable.
  if (sender.id !== api.runtime.id) return false
  handle(message as Request).then(
    (value) => sendResponse({ ok: true, value } satisfies Reply),
    (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply)
  )
  return true
})

async function saveFrom(tab: ext.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return
  try {
    await saveTab(tab.id)
  } catch (err) {
    console.warn('[Dossier] could not save the page:', err)
  }
}

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void saveFrom(tab)
})
api.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page') void (tab ? saveFrom(tab) : api.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => saveFrom(t)))
})
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FLUSH_ALARM) void flush().catch(() => undefined)
})

function setUp(): void {
  void api.contextMenus.removeAll().then(() => api.contextMenus.create({ id: MENU_ID, title: 'Save to Dossier', contexts: ['page', 'selection'] }))
  // Queued captures go out when Dossier comes back, even with the popup closed.
  api.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 })
  void flush().catch(() => undefined)
}
api.runtime.onInstalled.addListener(setUp)
api.runtime.onStartup.addListener(setUp)
