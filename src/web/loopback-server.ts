import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, realpathSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import type { Dispatch } from '../main/composition-root'
import { isShellPath } from '../shared/links/app-routes'

export interface LoopbackOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Content-Security-Policy sent with every page. */
  csp: string
}

export interface LoopbackServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const TOKEN_COOKIE = 'dossier_token'
/** Base64 of the 50 MB import limit, plus JSON overhead. */
const MAX_BODY_BYTES = 72 * 1024 * 1024
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
/**
 * The page at a two-part route (/highlight/<id>, /case/<id>) asks for its assets relative to that
 * route (/highlight/assets/…), since the build writes relative paths for Electron; they are the same files.
 */
const ROUTE_ASSETS = /^\/[a-z][a-z-]{0,30}(?=\/assets\/)/

/**
 * The renderer's transport when there is no Electron: the same contract over HTTP, reachable only
 * from this machine and only with the token printed at start. Host and Origin are checked so a
 * web page the analyst visits cannot reach it through DNS rebinding or a cross-site form.
 */
export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = newToken()
  const rendererRoot = realpathSync(resolve(options.rendererDir))
  let port = 0

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[dossier web]', err)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin')
    }
    // Browsers say where a request comes from even when they send no Origin (GET, <img>, <script>).
    if (!SAME_SITE_FETCHES.has(String(req.headers['sec-fetch-site'] ?? 'none'))) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: a request from another site')
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`)
    const queryToken = url.searchParams.get('token')
    const authorized = [queryToken, req.headers['x-dossier-token'], cookieToken(req)].some(
      (t) => typeof t === 'string' && sameToken(t, token)
    )
    if (!authorized) return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the URL Dossier printed, with its token.')

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'Expected application/json')
      }
      const body = await readBody(req)
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large')
      let input: unknown
      try {
        input = JSON.parse(body)
      } catch {
        return sendJson(res, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } })
      }
      const result = await options.dispatch(decodeURIComponent(url.pathname.slice('/api/'.length)), input)
      return sendJson(res, result)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    if (queryToken) {
      // The page's later requests (scripts, styles, API) carry the token as a cookie.
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    // Every view's route (shared/links/app-routes.ts, the dossier:// link forms among them) is the
    // app's page; the page opens what the route names.
    const isShell = isShellPath(url.pathname)
    const file = isShell ? join(rendererRoot, 'index.html') : staticFile(rendererRoot, url.pathname.replace(ROUTE_ASSETS, ''))
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': options.csp,
      ...SECURITY_HEADERS
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      })
  }
}

/** `none` is the analyst typing or pasting the URL; `same-origin` is the page's own requests. */
const SAME_SITE_FETCHES = new Set(['none', 'same-origin'])

/** 256 bits from the OS's CSPRNG, URL-safe: never guessed, never brute-forced over loopback. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Constant time whatever the input: both sides are hashed to 32 bytes first, so neither the
 * content nor the length of a wrong guess changes how long the answer takes.
 */
export function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/** A file under root, or null: no `..`, no symlink leading outside, no directories. */
function staticFile(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = resolve(root, `.${decoded}`)
  if (!candidate.startsWith(root + sep)) return null
  try {
    const real = realpathSync(candidate)
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return null
    return real
  } catch {
    return null
  }
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return value.join('=')
  }
  return undefined
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolveBody(null)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  res.end(body)
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))
}
