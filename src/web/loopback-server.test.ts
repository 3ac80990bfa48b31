import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../main/services/create-services'
import { makePdf } from '../main/services/import/test-documents'
import { BYTES_CONTENT_TYPE } from '../shared/channel-names'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { MAX_BODY_BYTES, newToken, sameToken, startLoopbackServer, type LoopbackServer } from './loopback-server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  bytes: Buffer
}

let dir: string
let services: Services
let server: LoopbackServer

/** Raw HTTP, so the test can send the Host and Origin headers a browser would not let it forge. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          resolve({ status: res.statusCode!, headers: res.headers, body: bytes.toString(), bytes })
        })
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const withToken = () => ({ 'x-dossier-token': server.token })
const api = (channel: string, input: unknown, headers: Record<string, string> = withToken()) =>
  send(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-loopback-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Dossier</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'assets', 'app-Bx9_k-2Q.js'), 'console.log(2)')
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer')
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
  services = createServices({ dbPath: join(dir, 'db.sqlite'), shell: 'web', version: 'test', defaultExportDir: dir })
  writeFileSync(join(dir, 'icon.ico'), Buffer.from([0, 0, 1, 0]))
  server = await startLoopbackServer({
    dispatch: services.dispatch,
    rendererDir: renderer,
    port: 0,
    csp: CONTENT_SECURITY_POLICY,
    faviconPath: join(dir, 'icon.ico')
  })
})

afterAll(async () => {
  await server.close()
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('loopback server', () => {
  it('prints a loopback URL with an unguessable token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
    // 43 base64url characters carry 256 bits; at least 128 are required.
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32)
  })

  it('draws a new token and a new port for every server', async () => {
    const other = await startLoopbackServer({ dispatch: services.dispatch, rendererDir: join(dir, 'renderer'), port: 0, csp: CONTENT_SECURITY_POLICY })
    try {
      expect(other.token).not.toBe(server.token)
      expect(other.port).not.toBe(server.port)
      // Ephemeral ports come from the OS, not a fixed default an attacker could try first.
      expect(other.port).toBeGreaterThanOrEqual(1024)
    } finally {
      await other.close()
    }
    const tokens = new Set(Array.from({ length: 1000 }, newToken))
    expect(tokens.size).toBe(1000)
    // No byte value is favoured: over 32,000 bytes each of the 256 values turns up.
    const bytes = new Set(Array.from(tokens).flatMap((t) => [...Buffer.from(t, 'base64url')]))
    expect(bytes.size).toBe(256)
  })

  it('compares tokens by content alone, at any length', () => {
    const token = newToken()
    expect(sameToken(token, token)).toBe(true)
    expect(sameToken(`${token}`.slice(0), token)).toBe(true)
    for (const wrong of ['', token.slice(1), `${token}=`, 'x'.repeat(10_000)]) expect(sameToken(wrong, token)).toBe(false)
  })

  it('refuses API calls without the token', async () => {
    expect((await api('library.list', {}, {})).status).toBe(401)
    expect((await api('library.list', {}, { 'x-dossier-token': 'x'.repeat(43) })).status).toBe(401)
  })

  it('serves the static build without the token and never sets a cookie (cookies ignore ports)', async () => {
    for (const path of ['/', `/?token=${server.token}`, '/assets/app.js']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(200)
      expect(reply.headers['set-cookie'], path).toBeUndefined()
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await send('/assets/app.js')).headers['content-type']).toContain('text/javascript')
  })

  it('takes the token from the header only: not from the query nor from a cookie', async () => {
    const query = await send(`/api/library.list?token=${server.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(query.status).toBe(401)
    expect((await api('library.list', {}, { cookie: `dossier_token=${server.token}` })).status).toBe(401)
  })

  it('answers a malformed address with 400 before the token check, without a stack', async () => {
    for (const path of ['//[', '/api/%E0%A4%A', '/api/%', '//evil.example/api/library.list']) {
      const reply = await send(path, { method: path.startsWith('/api') ? 'POST' : 'GET' })
      expect(reply.status, path).toBe(400)
      expect(reply.body, path).not.toMatch(/at .*\.ts|Error/)
    }
  })

  it('refuses a body over the limit with 413 from its declared length, before reading it', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/library.list',
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1), ...withToken() }
        },
        (res) => resolve(res.statusCode!)
      )
      req.on('error', reject)
      // Only the headers go out: the answer must not wait for the 72 MB.
      req.flushHeaders()
    })
    expect(reply).toBe(413)
  })

  it('refuses a streamed body with 413 as soon as it passes the limit', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/library.list',
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...withToken() }
        },
        (res) => resolve(res.statusCode!)
      )
      req.on('error', () => undefined)
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      // Keeps sending past the limit until the server answers; the answer comes without the end.
      const pump = () => {
        while (sent <= MAX_BODY_BYTES + 4 * chunk.length) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
      }
      pump()
      setTimeout(() => reject(new Error('no answer')), 30_000)
    })
    expect(reply).toBe(413)
  })

  it('lets the browser keep the build\'s hashed scripts, and reads the page itself afresh at each request', async () => {
    const hashed = await send('/assets/app-Bx9_k-2Q.js')
    expect(hashed.body).toBe('console.log(2)')
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(hashed.headers['content-length']).toBe(String('console.log(2)'.length))
    expect((await send('/assets/app.js')).headers['cache-control']).toBeUndefined()
    const page = await send('/')
    expect(page.headers['cache-control']).toBeUndefined()
    // A rebuild while the server runs: the next load gets the new page.
    const index = join(dir, 'renderer', 'index.html')
    writeFileSync(index, '<!doctype html><title>Dossier, rebuilt</title>')
    expect((await send('/')).body).toContain('rebuilt')
    writeFileSync(index, '<!doctype html><title>Dossier</title>')
    expect((await send('/', { method: 'HEAD' })).body).toBe('')
  })

  it('answers /favicon.ico with the app icon', async () => {
    const reply = await send('/favicon.ico')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('image/x-icon')
  })

  it('refuses every wrong token: empty, shorter, longer, one character off, the right one in the wrong case', async () => {
    const t = server.token
    const flipped = t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A')
    // HTTP trims spaces around a header value, so whitespace variants are not distinct tokens here.
    for (const wrong of ['', 'x', t.slice(0, -1), `${t}x`, flipped, t.toUpperCase(), t.toLowerCase(), `${t}%00`]) {
      if (wrong === t) continue
      const reply = await api('library.list', {}, { 'x-dossier-token': wrong })
      expect(reply.status, JSON.stringify(wrong)).toBe(401)
      expect(reply.body).not.toContain('items')
    }
  })

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (cross-site request)', async () => {
    expect((await send(`/?token=${server.token}`, { headers: { host: `evil.example:${server.port}` } })).status).toBe(403)
    expect((await api('library.list', {}, { ...withToken(), origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('library.list', {}, { ...withToken(), origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
  })

  it.each([
    ['a rebinding name', (port: number) => `evil.example:${port}`],
    ['another port on loopback', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['a suffix trick', (port: number) => `127.0.0.1:${port}.evil.example`],
    ['the wildcard address', (port: number) => `0.0.0.0:${port}`],
    ['IPv6 loopback spelled differently', (port: number) => `[::1]:${port}`]
  ])('refuses the Host %s even with the token', async (_label, host) => {
    const reply = await send(`/?token=${server.token}`, { headers: { host: host(server.port) } })
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain('<title>Dossier</title>')
  })

  it.each([
    'null',
    'http://evil.example',
    'https://127.0.0.1',
    'http://127.0.0.1',
    'http://127.0.0.1:1',
    'file://',
    'app://dossier'
  ])('refuses the Origin %s even with the token', async (origin) => {
    expect((await api('library.list', {}, { ...withToken(), origin })).status).toBe(403)
  })

  it('refuses requests a browser marks as coming from another site, which carry no Origin', async () => {
    expect((await send('/', { headers: { ...withToken(), 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect((await send('/', { headers: { ...withToken(), 'sec-fetch-site': 'same-site' } })).status).toBe(403)
    expect((await send('/', { headers: { ...withToken(), 'sec-fetch-site': 'same-origin' } })).status).toBe(200)
    expect((await send('/', { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200)
    expect((await api('library.list', {}, { ...withToken(), 'sec-fetch-site': 'cross-site' })).status).toBe(403)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/assets', '/%00']) {
      const reply = await send(path, { headers: withToken() })
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('outside the renderer')
    }
  })

  it('answers the contract with typed results and typed errors', async () => {
    const ok = JSON.parse((await api('library.list', {})).body)
    expect(ok).toEqual({ ok: true, value: { items: [], total: 0 } })
    const bad = JSON.parse((await api('article.get', { id: 'nope' })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error.code).toBe('invalid_input')
    expect(bad.error.message).toContain('id')
    const unknown = JSON.parse((await api('no.such.channel', {})).body)
    expect(unknown.error.code).toBe('unknown_channel')
    const notJson = await send('/api/library.list', { method: 'POST', headers: { ...withToken(), 'content-type': 'application/json' }, body: '{' })
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')
  })

  it('answers a PDF\'s original as its bytes, behind the token, and a wrong id or another article as a typed error', async () => {
    const pdf = await makePdf({ pages: [[{ text: 'Northern waters review', x: 72, y: 700, size: 12 }]], title: 'Northern waters review' })
    const { articleId } = await services.articles.importFile('review.pdf', pdf)
    const got = await api('article.originalPdf', { id: articleId })
    expect(got.status).toBe(200)
    expect(got.headers['content-type']).toBe(BYTES_CONTENT_TYPE)
    expect(got.headers['cache-control']).toBe('no-store')
    expect(got.headers['x-content-type-options']).toBe('nosniff')
    expect(Buffer.compare(got.bytes, Buffer.from(pdf))).toBe(0)
    // The same gate as every call: no token, a wrong one, a GET, a form.
    expect((await api('article.originalPdf', { id: articleId }, {})).status).toBe(401)
    expect((await api('article.originalPdf', { id: articleId }, { 'x-dossier-token': `${server.token}x` })).status).toBe(401)
    expect((await send('/api/article.originalPdf', { headers: withToken() })).status).toBe(405)
    // Failures stay JSON, in a sentence: an id that is not one, one that names nothing, an article without pages.
    const notAnId = JSON.parse((await api('article.originalPdf', { id: '../../../etc/passwd' })).body)
    expect(notAnId).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('id') } })
    const unknown = JSON.parse((await api('article.originalPdf', { id: '00000000-0000-4000-8000-000000000099' })).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const { articleId: textId } = await services.articles.importFile('note.txt', new TextEncoder().encode('A note\n\nNo pages here.'))
    const text = await api('article.originalPdf', { id: textId })
    expect(text.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(text.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not imported from a PDF/) } })
    // The channel's name is not a path: nothing beside it is served, with or without the token.
    for (const path of ['/api/article.originalPdf/../../secret.txt', '/api/article.originalPdf%2f..%2f..%2fsecret.txt', '/api/..%2fsecret.txt']) {
      const reply = await send(path, { method: 'POST', headers: { ...withToken(), 'content-type': 'application/json' }, body: JSON.stringify({ id: articleId }) })
      expect(reply.bytes.includes('outside the renderer')).toBe(false)
      expect(reply.bytes.includes(Buffer.from(pdf).subarray(0, 64))).toBe(false)
    }
  })

  it('accepts API calls only as JSON POSTs, which a cross-site form cannot send', async () => {
    expect((await send('/api/library.list', { headers: withToken() })).status).toBe(405)
    const form = await send('/api/library.list', {
      method: 'POST',
      headers: { ...withToken(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1'
    })
    expect(form.status).toBe(415)
  })

  it('serves the app shell for dossier:// link routes', async () => {
    const reply = await send('/article/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', { headers: withToken() })
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Dossier</title>')
  })

  it('serves the app shell for every view route', async () => {
    for (const path of ['/search?q=ice', '/library', '/cases', '/case/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '/article/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b?view=search']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(200)
      expect(reply.body, path).toContain('<title>Dossier</title>')
    }
    expect((await send('/case/assets/app.js', { headers: withToken() })).body).toBe('console.log(1)')
  })

  it('serves nothing but the two link forms', async () => {
    for (const path of ['/highlight/not-an-id', '/note/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '/article/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/x']) {
      expect((await send(path, { headers: withToken() })).status, path).toBe(404)
    }
    // The page at a route loads its assets relative to it, and no further.
    expect((await send('/highlight/assets/app.js', { headers: withToken() })).body).toBe('console.log(1)')
    for (const path of ['/highlight/assets/link.txt', '/highlight/assets/..%2f..%2fsecret.txt', '/highlight/secret.txt']) {
      expect((await send(path, { headers: withToken() })).status, path).toBe(404)
    }
  })
})
