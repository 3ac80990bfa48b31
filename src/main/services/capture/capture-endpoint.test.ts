/**
 * The capture endpoint over real HTTP on 127.0.0.1, into real services and a real SQLite file:
 * pairing, the checks every request passes (Host, Origin, size, key), and what a capture
 * becomes (an article through the HTML import, its provenance, its highlight, its case).
 */
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '../../../shared/i18n'
import { reasonText } from '../../../shared/i18n/reason-messages'
import { CAPTURE_PATHS, type CaptureRequest, type CaptureResponse } from '../../../shared/capture/capture-protocol'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json<T = unknown>(): T
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T })
        })
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.end(options.body)
    else req.end()
  })
}

async function endpoint(): Promise<{ s: TempServices; port: number; refused: number[] }> {
  const refused: number[] = []
  const s = tempServices({ captureEndpoint: { port: 0, articleLink: (id) => `dossier://article/${id}`, onRefused: (status) => refused.push(status) } })
  await s.listening
  const status = s.captureEndpoint!.status()
  expect(status.listening).toBe(true)
  return { s, port: status.port, refused }
}

const json = (value: unknown, origin = EXT, key?: string) => ({
  headers: { 'content-type': 'application/json', origin, ...(key ? { 'x-dossier-key': key } : {}) },
  body: JSON.stringify(value)
})

async function pair(s: TempServices, port: number, origin = EXT): Promise<string> {
  const { code } = s.capture.startPairing()
  const res = await send(port, CAPTURE_PATHS.pair, json({ code: `${code.slice(0, 4)}-${code.slice(4)}`, browser: 'Chromium on Linux' }, origin))
  expect(res.status, res.body).toBe(200)
  return res.json<{ key: string }>().key
}

function page(body: string, title = 'Harbour pact talks resume'): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article></body></html>`
}

const STORY = [
  'Negotiators from both port authorities met again on Tuesday after a pause of three weeks, according to officials familiar with the talks.',
  'The draft agreement would share dredging costs and set a common schedule for inspections of container cranes along the channel.',
  'Union representatives said they would study the text before any vote, and asked for the inspection records to be published in full.'
]
const storyHtml = (paragraphs = STORY) => paragraphs.map((p) => `<p>${p}</p>`).join('')

function captureOf(html: string, over: Partial<CaptureRequest> = {}): CaptureRequest {
  return {
    html,
    url: 'https://news.example/harbour-pact',
    title: 'Harbour pact talks resume',
    capturedAt: '2026-12-06T10:15:30.000Z',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
    selection: null,
    caseId: null,
    tags: [],
    ...over
  }
}

describe('capture endpoint: who may use it', () => {
  it('pairs with the code shown in Dossier; the key works from that extension only, until revoked', async () => {
    const { s, port } = await endpoint()
    expect((await send(port, CAPTURE_PATHS.status, { headers: { origin: EXT } })).json()).toMatchObject({ app: 'Dossier', paired: false })
    const key = await pair(s, port)
    expect(key.length).toBeGreaterThanOrEqual(43)
    expect((await send(port, CAPTURE_PATHS.status, { headers: { origin: EXT, 'x-dossier-key': key } })).json()).toMatchObject({ paired: true })
    // The code is used up.
    const again = await send(port, CAPTURE_PATHS.pair, json({ code: 'ABCDEFGH', browser: 'x' }))
    expect(again.status).toBe(403)
    expect(again.body).toContain('not showing a code')
    // Another extension with the stolen key is refused: the key is bound to the origin it was given to.
    const other = await send(port, CAPTURE_PATHS.cases, { headers: { origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'x-dossier-key': key } })
    expect(other.status).toBe(401)
    expect((await send(port, CAPTURE_PATHS.cases, { headers: { origin: EXT, 'x-dossier-key': key } })).status).toBe(200)
    // Only the key's hash is in the library.
    expect(JSON.stringify(s.db.prepare('SELECT * FROM browser_pairings').all())).not.toContain(key)
    const [pairing] = s.capture.pairings()
    expect(pairing).toMatchObject({ name: 'Chromium on Linux', origin: EXT, revokedAt: null })
    s.capture.revoke(pairing!.id)
    const revoked = await send(port, CAPTURE_PATHS.page, json(captureOf(page(storyHtml())), EXT, key))
    expect(revoked.status).toBe(401)
    expect(revoked.body).toContain('not paired')
    expect(s.articles.list(10, 0).total).toBe(0)
    expect(s.provenance.log(10).map((e) => e.action)).toEqual(['browser-revoke', 'browser-pair'])
  })

  it('refuses web pages, other hosts and missing keys, and never lets a page read an answer', async () => {
    const { s, port, refused } = await endpoint()
    const key = await pair(s, port)
    const body = captureOf(page(storyHtml()))
    for (const origin of ['http://127.0.0.1:8080', 'https://evil.example', 'null']) {
      const res = await send(port, CAPTURE_PATHS.page, json(body, origin, key))
      expect(res.status, origin).toBe(403)
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined()
      const preflight = await send(port, CAPTURE_PATHS.page, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })
      expect(preflight.status).toBe(403)
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    }
    // A form post from a page: no extension origin, not JSON, no key.
    const form = await send(port, CAPTURE_PATHS.page, { headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'html=x' })
    expect(form.status).toBe(403)
    // No Origin at all (curl, a no-cors request stripped of it) is refused too.
    expect((await send(port, CAPTURE_PATHS.page, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(403)
    // DNS rebinding: the right origin through a foreign Host.
    expect((await send(port, CAPTURE_PATHS.page, { ...json(body, EXT, key), host: `evil.example:${port}` })).status).toBe(403)
    // The extension without a key, or with a wrong one.
    expect((await send(port, CAPTURE_PATHS.page, json(body))).status).toBe(401)
    expect((await send(port, CAPTURE_PATHS.page, json(body, EXT, `${key}x`))).status).toBe(401)
    expect((await send(port, CAPTURE_PATHS.cases, { headers: { origin: EXT } })).status).toBe(401)
    // The extension's own preflight is answered for it alone.
    const ok = await send(port, CAPTURE_PATHS.page, { method: 'OPTIONS', headers: { origin: EXT, 'access-control-request-method': 'POST' } })
    expect(ok.status).toBe(204)
    expect(ok.headers['access-control-allow-origin']).toBe(EXT)
    expect(s.articles.list(10, 0).total).toBe(0)
    expect(refused.filter((r) => r === 403).length).toBeGreaterThanOrEqual(9)
  })

  it('refuses a body over the limit from its declared length, before reading it (413)', async () => {
    const { s, port } = await endpoint()
    const key = await pair(s, port)
    // Declares 40 MB and sends nothing: answered at once, so nothing was waited for or read.
    const declared = await send(port, CAPTURE_PATHS.page, { method: 'POST', headers: { 'content-type': 'application/json', origin: EXT, 'x-dossier-key': key, 'content-length': String(40 * 1024 * 1024) } })
    expect(declared.status).toBe(413)
    // Declared over the limit, from a page: refused for its origin first, before any size is considered.
    const fromPage = await send(port, CAPTURE_PATHS.page, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'content-length': String(40 * 1024 * 1024) } })
    expect(fromPage.status).toBe(403)
  })

  it('cuts off a body sent without a length at the same limit', async () => {
    const refused: number[] = []
    const s = tempServices({ captureEndpoint: { port: 0, articleLink: () => null, onRefused: (status) => refused.push(status) } })
    await s.listening
    // A small limit through a second server on the same services, to keep the test quick.
    const { startCaptureServer } = await import('./capture-server')
    const server = await startCaptureServer({ capture: s.capture, version: 'test', port: 0, articleLink: () => null, maxBodyBytes: 64 * 1024 })
    const key = await pair(s, server.port)
    const res = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: CAPTURE_PATHS.page, method: 'POST', headers: { 'content-type': 'application/json', origin: EXT, 'x-dossier-key': key, 'transfer-encoding': 'chunked' } },
        (r) => (r.resume(), resolve(r.statusCode ?? 0))
      )
      req.on('error', reject)
      req.write(JSON.stringify(captureOf(page('x'.repeat(200 * 1024)))))
      req.end()
    })
    expect(res).toBe(413)
    await server.close()
    expect(s.articles.list(10, 0).total).toBe(0)
  })

  it('says what is wrong with a body that is not a capture, naming the field', async () => {
    const { s, port } = await endpoint()
    const key = await pair(s, port)
    const res = await send(port, CAPTURE_PATHS.page, json({ ...captureOf('<p>x</p>'), url: 'javascript:alert(1)' }, EXT, key))
    expect(res.status).toBe(400)
    expect(res.json<{ error: string }>().error).toMatch(/^url: only http and https/)
    const extra = await send(port, CAPTURE_PATHS.page, json({ ...captureOf('<p>x</p>'), script: 'x' }, EXT, key))
    expect(extra.status).toBe(400)
  })
})

describe('capture endpoint: what a capture becomes', () => {
  async function paired() {
    const { s, port } = await endpoint()
    const key = await pair(s, port)
    const post = async (body: CaptureRequest) => {
      const res = await send(port, CAPTURE_PATHS.page, json(body, EXT, key))
      expect(res.status, res.body).toBe(200)
      return res.json<CaptureResponse>()
    }
    return { s, post }
  }

  it('is an article from the page as rendered, known by its address, with its provenance in the log', async () => {
    const { s, post } = await paired()
    const html = page(storyHtml()).replace('<head>', '<head><link rel="canonical" href="https://elsewhere.example/other">')
    const result = await post(captureOf(html))
    expect(result).toMatchObject({ status: 'imported', title: 'Harbour pact talks resume', highlightId: null })
    expect(result.openUrl).toBe(`dossier://article/${result.articleId}`)
    const article = s.articles.get(result.articleId!)
    expect(article.url).toBe('https://news.example/harbour-pact')
    expect(article.text).toContain(STORY[1])
    expect(article.text).not.toContain('Home')
    expect(article.capture).toEqual({
      url: 'https://news.example/harbour-pact',
      capturedAt: '2026-12-06T10:15:30.000Z',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
      htmlSha256: article.originalSha256
    })
    // The original bytes are the captured HTML, byte for byte.
    expect(s.articles.original(article.id).toString('utf8')).toBe(html)
    const log = s.provenance.log(10, article.id)
    expect(log.map((e) => e.action)).toEqual(['capture', 'import'])
    expect(log[0]!.details).toMatchObject({ method: 'captured from the browser', status: 'imported', url: 'https://news.example/harbour-pact', capturedAt: '2026-12-06T10:15:30.000Z', browser: 'Chromium on Linux', htmlSha256: article.originalSha256 })
    expect(log[1]!.details).toMatchObject({ method: 'capture', origin: 'https://news.example/harbour-pact' })
    expect(s.provenance.verify().ok).toBe(true)
  })

  it('turns the selection into a highlight, whatever the white space around it', async () => {
    const { s, post } = await paired()
    const result = await post(
      captureOf(page(storyHtml()), { selection: { exact: 'share dredging costs\n  and set a\u00a0common schedule', prefix: 'The draft agreement would ', suffix: ' for inspections' } })
    )
    expect(result.message).toContain('The selection is highlighted.')
    const [h] = s.highlights.list(result.articleId!)
    expect(h).toMatchObject({ id: result.highlightId, exact: 'share dredging costs and set a common schedule' })
    // The same selection again: already in the library, already highlighted, nothing doubled.
    const again = await post(captureOf(page(storyHtml()), { selection: { exact: 'share dredging costs and set a common schedule', prefix: '', suffix: '' } }))
    expect(again).toMatchObject({ status: 'duplicate', articleId: result.articleId, highlightId: h!.id })
    expect(again.message).toContain('already in the library')
    expect(again.message).toContain('already highlighted')
    expect(s.highlights.list(result.articleId!)).toHaveLength(1)
    // A selection outside the story is said to be, not guessed at.
    const outside = await post(captureOf(page(storyHtml()), { selection: { exact: 'Home', prefix: '', suffix: '' } }))
    expect(outside.highlightId).toBeNull()
    expect(outside.message).toContain('not in the saved text')
  })

  it('a changed page at the same address becomes a new version, its highlights found again', async () => {
    const { s, post } = await paired()
    const quote = STORY[2]!.slice(0, 59)
    const first = await post(captureOf(page(storyHtml()), { selection: { exact: quote, prefix: '', suffix: '' } }))
    const changed = [STORY[0]!, 'An update: the ministry confirmed on Wednesday that a signing is planned for next month.', STORY[1]!, STORY[2]!]
    const second = await post(captureOf(page(storyHtml(changed)), { capturedAt: '2026-12-07T08:00:00.000Z' }))
    expect(second).toMatchObject({ status: 'updated', articleId: first.articleId })
    const article = s.articles.get(first.articleId!)
    expect(article.text).toContain('signing is planned')
    expect(article.capture?.capturedAt).toBe('2026-12-07T08:00:00.000Z')
    const [h] = s.highlights.list(article.id)
    expect(h).toMatchObject({ orphaned: false, exact: quote })
    expect(article.text.slice(h!.start, h!.end)).toBe(quote)
    expect(s.provenance.log(10, article.id).map((e) => e.action)).toEqual(['capture', 'text-change', 'capture', 'import'])
  })

  it('goes into the case chosen in the extension, or the one open in Dossier, with its tags', async () => {
    const { s, post } = await paired()
    const chosen = s.cases.create('Harbour')
    const open = s.cases.create('Open one')
    s.cases.open(open.id)
    expect(s.capture.caseChoices()).toEqual([
      { id: chosen.id, name: 'Harbour', open: false },
      { id: open.id, name: 'Open one', open: true }
    ])
    const a = await post(captureOf(page(storyHtml()), { caseId: chosen.id, tags: ['ports', '#dredging'] }))
    expect(s.cases.casesOf(a.articleId!).map((c) => c.name)).toEqual(['Harbour'])
    expect(s.articles.get(a.articleId!).tags).toEqual(['dredging', 'ports'])
    const b = await post(captureOf(page(storyHtml([STORY[2]!, STORY[0]!, 'A wholly different third paragraph about the weather along the coast this week.']), 'Another'), { url: 'https://news.example/other' }))
    expect(s.cases.casesOf(b.articleId!).map((c) => c.name)).toEqual(['Open one'])
    s.cases.archive(chosen.id)
    const refused = await post(captureOf(page(storyHtml()), { caseId: chosen.id }))
    expect(refused).toMatchObject({ status: 'rejected', articleId: null })
    expect(refused.message).toContain('archived')
  })

  it('saves a page with no recognisable article whole, and says so', async () => {
    const { s, post } = await paired()
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/story/${i}">Story number ${i} about the harbour and its cranes</a></li>`).join('')
    const result = await post(captureOf(`<html><head><title>Front page</title></head><body><ul>${links}</ul></body></html>`, { url: 'https://news.example/' }))
    expect(result.status).toBe('imported')
    expect(result.message).toContain('whole text was saved')
    expect(s.articles.get(result.articleId!).text).toContain('Story number 29')
  })
})

describe('a port the capture endpoint cannot have', () => {
  it('says so with the port, in the analyst’s language, and the rest of the app keeps running', async () => {
    const { s: first, port } = await endpoint()
    const second = tempServices({ captureEndpoint: { port, articleLink: () => null } })
    await second.listening
    const status = second.captureEndpoint!.status()
    expect(status).toMatchObject({ listening: false, reason: { id: 'capture.port_in_use', values: { port: String(port) } } })
    expect(status.problem).toMatch(new RegExp(`^Port ${port} is in use by another program`))
    expect(reasonText(status.reason!, translator(await createI18n('en')))).toBe(status.problem)
    expect(reasonText(status.reason!, translator(await createI18n('fr')))).toContain(`Le port ${port} est utilisé`)
    expect(reasonText(status.reason!, translator(await createI18n('fr')))).not.toContain('in use')
    await second.captureEndpoint!.close()
    await first.captureEndpoint!.close()
  })
})
