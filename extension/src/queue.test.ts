import { describe, expect, it } from 'vitest'
import type { CaptureRequest, CaptureResponse } from '../../src/shared/capture/capture-wire'
import { DossierClient } from './dossier-client'
import { CaptureQueue, type QueueStorage, type SendOutcome } from './queue'

/** chrome.storage.local as the queue sees it: values go in and come out as JSON, as the browser stores them. */
class StandInStorage implements QueueStorage {
  readonly saved = new Map<string, string>()
  async get(keys: string[]) {
    return Object.fromEntries(keys.filter((k) => this.saved.has(k)).map((k) => [k, JSON.parse(this.saved.get(k)!) as unknown]))
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.saved.set(k, JSON.stringify(v))
  }
}

function capture(n: number): CaptureRequest {
  return {
    html: `<html><body><p>Page ${n}</p></body></html>`,
    url: `https://news.example/${n}`,
    title: `Page ${n}`,
    capturedAt: `2026-12-06T10:0${n}:00.000Z`,
    userAgent: 'test',
    selection: null,
    caseId: null,
    tags: []
  }
}

const delivered = (request: CaptureRequest): SendOutcome => ({
  kind: 'delivered',
  response: { status: 'imported', articleId: null, title: request.title, message: `Saved “${request.title}”.`, highlightId: null, openUrl: null } satisfies CaptureResponse
})

let ids = 0
const queueOn = (storage: QueueStorage) => new CaptureQueue(storage, () => new Date('2026-12-06T12:00:00Z'), () => `id-${++ids}`)

describe('the capture queue', () => {
  it('keeps captures while Dossier is away, across a browser restart, and sends them in order when it is back', async () => {
    const storage = new StandInStorage()
    const before = queueOn(storage)
    await before.add(capture(1))
    await before.add(capture(2))
    const away = await before.flush(async () => ({ kind: 'unreachable', reason: 'Dossier is not reachable on port 28451.' }))
    expect(away).toEqual({ delivered: 0, left: 2 })

    // The browser restarts: a new worker, a new queue object, the same storage.
    const after = queueOn(storage)
    const items = await after.items()
    expect(items.map((i) => i.request.title)).toEqual(['Page 1', 'Page 2'])
    expect(items[0]).toMatchObject({ attempts: 1, lastError: 'Dossier is not reachable on port 28451.' })
    const order: string[] = []
    expect(await after.flush(async (r) => (order.push(r.title), delivered(r)))).toEqual({ delivered: 2, left: 0 })
    expect(order).toEqual(['Page 1', 'Page 2'])
    expect(await after.items()).toEqual([])
    expect((await after.sent()).map((s) => s.title)).toEqual(['Page 2', 'Page 1'])
  })

  it('stops at the first capture that cannot get through, keeping it and everything after it', async () => {
    const storage = new StandInStorage()
    const queue = queueOn(storage)
    for (const n of [1, 2, 3]) await queue.add(capture(n))
    let calls = 0
    const result = await queue.flush(async (r) => (++calls === 2 ? { kind: 'unreachable', reason: 'gone' } : delivered(r)))
    expect(result).toEqual({ delivered: 1, left: 2 })
    expect((await queue.items()).map((i) => i.request.title)).toEqual(['Page 2', 'Page 3'])
  })

  it('drops a capture Dossier refuses for good, and keeps the reason for the popup', async () => {
    const queue = queueOn(new StandInStorage())
    await queue.add(capture(1))
    await queue.flush(async () => ({ kind: 'refused', reason: 'Request too large: Dossier accepts pages up to 32 MB.' }))
    expect(await queue.items()).toEqual([])
    expect((await queue.sent())[0]!.response).toMatchObject({ status: 'rejected', message: 'Request too large: Dossier accepts pages up to 32 MB.' })
  })

  it('sends each capture once when two flushes start together (popup and alarm)', async () => {
    const queue = queueOn(new StandInStorage())
    await queue.add(capture(1))
    await queue.add(capture(2))
    const sent: string[] = []
    const send = async (r: CaptureRequest) => {
      sent.push(r.title)
      await new Promise((resolve) => setTimeout(resolve, 5))
      return delivered(r)
    }
    await Promise.all([queue.flush(send), queue.flush(send)])
    expect(sent).toEqual(['Page 1', 'Page 2'])
  })

  it('keeps the twenty newest results', async () => {
    const queue = queueOn(new StandInStorage())
    for (let n = 0; n < 25; n++) await queue.add(capture(n % 10))
    await queue.flush(async (r) => delivered(r))
    expect(await queue.sent()).toHaveLength(20)
  })
})

describe('the Dossier client', () => {
  const respond = (status: number, body: string): typeof fetch => (async () => new Response(body, { status })) as typeof fetch

  it('keeps a capture queued when Dossier is away or no longer knows this browser, and drops one it refuses', async () => {
    const away = new DossierClient({ port: 28451, key: 'k' }, (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch)
    expect(await away.send(capture(1))).toEqual({ kind: 'unreachable', reason: 'Dossier is not reachable on port 28451.' })
    expect(await new DossierClient({ port: 1, key: 'k' }, respond(401, 'This browser is not paired with Dossier')).send(capture(1))).toMatchObject({ kind: 'unreachable' })
    expect(await new DossierClient({ port: 1, key: 'k' }, respond(413, 'Request too large')).send(capture(1))).toEqual({ kind: 'refused', reason: 'Request too large' })
    expect(await new DossierClient({ port: 1, key: 'k' }, respond(400, JSON.stringify({ error: 'url: only http and https pages can be captured' }))).send(capture(1))).toEqual({
      kind: 'refused',
      reason: 'url: only http and https pages can be captured'
    })
  })

  it('sends the key and JSON to 127.0.0.1 on the chosen port', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const client = new DossierClient({ port: 31000, key: 'secret-key' }, (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return new Response(JSON.stringify({ status: 'imported' }), { status: 200 })
    }) as unknown as typeof fetch)
    await client.send(capture(1))
    expect(seen[0]!.url).toBe('http://127.0.0.1:31000/capture/v1/page')
    expect(seen[0]!.init.headers).toEqual({ 'content-type': 'application/json', 'x-dossier-key': 'secret-key' })
  })
})
