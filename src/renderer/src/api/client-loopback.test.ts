import { afterEach, describe, expect, it, vi } from 'vitest'
import { BYTES_CONTENT_TYPE } from '../../../shared/channel-names'
import { createClient, loopbackFailure, WORKER_BODY_CHARS } from './client'

/** The web shell's page: no Electron bridge, the token in the address, a fetch that records. */
function webPage() {
  const fetched: { url: string; body: string; keepalive: boolean }[] = []
  const href = 'http://127.0.0.1:4000/?token=t0k'
  vi.stubGlobal('window', { location: { href }, history: { replaceState: () => undefined } })
  vi.stubGlobal('location', { href })
  vi.stubGlobal('fetch', async (url: string, init: { body: string; keepalive: boolean }) => {
    fetched.push({ url, body: init.body, keepalive: init.keepalive })
    if (url === '/api/article.originalPdf') {
      return { status: 200, statusText: 'OK', headers: new Headers({ 'content-type': BYTES_CONTENT_TYPE }), arrayBuffer: async () => new Uint8Array([37, 80, 68, 70]).buffer }
    }
    return { status: 200, statusText: 'OK', headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }), json: async () => ({ ok: true, value: 'from the page' }) }
  })
  return fetched
}

/** A worker that answers each post, or fails to load when `broken`. */
function fakeWorker(broken = false) {
  const posted: { url: string; body: string; headers: Record<string, string> }[] = []
  class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null
    onerror: (() => void) | null = null
    postMessage(job: { id: number; url: string; body: string; headers: Record<string, string> }) {
      posted.push(job)
      const answer = job.url.endsWith('/api/article.originalPdf') ? { bytes: new Uint8Array([37, 80, 68, 70, 45]).buffer } : { text: JSON.stringify({ ok: true, value: 'from the worker' }) }
      setTimeout(() => (broken ? this.onerror?.() : this.onmessage?.({ data: { id: job.id, status: 200, statusText: 'OK', ...answer } })), 0)
    }
  }
  vi.stubGlobal('Worker', FakeWorker)
  return posted
}

afterEach(() => vi.unstubAllGlobals())

const big = (n = WORKER_BODY_CHARS) => ({ articleId: 'a', content: 'x'.repeat(n) })

describe('the web shell reads bytes as bytes', () => {
  it('a channel that answers bytes (the Page view\'s PDF) gets them in the worker, off the page\'s main thread', async () => {
    const fetched = webPage()
    const posted = fakeWorker()
    const { bytes } = await createClient().call('article.originalPdf', { id: '00000000-0000-4000-8000-000000000001' })
    expect(posted.map((p) => p.url)).toEqual(['http://127.0.0.1:4000/api/article.originalPdf'])
    expect(posted[0]!.headers['X-Dossier-Token']).toBe('t0k')
    expect(fetched).toHaveLength(0)
    expect([...bytes]).toEqual([37, 80, 68, 70, 45])
  })

  it('without a worker, the page reads them from the body itself, not from JSON', async () => {
    const fetched = webPage()
    fakeWorker(true)
    const { bytes } = await createClient().call('article.originalPdf', { id: '00000000-0000-4000-8000-000000000001' })
    expect(fetched).toHaveLength(1)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect([...bytes]).toEqual([37, 80, 68, 70])
  })
})

describe('the web shell posts large requests from a worker', () => {
  it('a long save goes through the worker with the token; a short call stays on the page', async () => {
    const fetched = webPage()
    const posted = fakeWorker()
    const client = createClient()
    await expect(client.call('notebook.save', big())).resolves.toBe('from the worker')
    expect(posted).toHaveLength(1)
    expect(posted[0]!.url).toBe('http://127.0.0.1:4000/api/notebook.save')
    expect(posted[0]!.headers['X-Dossier-Token']).toBe('t0k')
    expect(JSON.parse(posted[0]!.body).content).toHaveLength(WORKER_BODY_CHARS)
    await expect(client.call('notebook.save', big(100))).resolves.toBe('from the page')
    expect(fetched.map((f) => f.url)).toEqual(['/api/notebook.save'])
  })

  it('a save on the way out (keepalive) stays on the page, which a worker may not outlive', async () => {
    const fetched = webPage()
    const posted = fakeWorker()
    await createClient().callWith('notebook.save', big(), { keepalive: true })
    expect(posted).toHaveLength(0)
    expect(fetched).toHaveLength(1)
    expect(fetched[0]!.keepalive).toBe(true)
  })

  it('when the worker cannot load, the waiting save and the later ones are posted from the page', async () => {
    const fetched = webPage()
    const posted = fakeWorker(true)
    const client = createClient()
    await expect(client.call('notebook.save', big())).resolves.toBe('from the page')
    await expect(client.call('notebook.save', big())).resolves.toBe('from the page')
    expect(posted).toHaveLength(1)
    expect(fetched).toHaveLength(2)
  })
})

describe('loopbackFailure', () => {
  it('names a missing token and a server failure; a success is answered by its body', () => {
    expect(loopbackFailure(401, 'Unauthorized')).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(loopbackFailure(500, 'Internal Server Error')).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Dossier answered 500 Internal Server Error.', reason: { id: 'web.http_status', values: { status: '500 Internal Server Error' } } }
    })
    expect(loopbackFailure(200, 'OK')).toBeNull()
  })
})
