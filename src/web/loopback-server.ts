import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import type { Dispatch } from '../main/composition-root'
import { BYTES_CONTENT_TYPE } from '../shared/channel-names'
import { answersBytes, isChannel } from '../shared/contract'
import { isShellPath } from '../shared/links/app-routes'

export interface LoopbackOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Content-Security-Policy sent with every page. */
  csp: string
  /** The app icon, answered at /favicon.ico (browsers ask for it on every load). */
  faviconPath?: string
}

export interface LoopbackServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** Base64 of the 50 MB import limit, plus JSON overhead. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024
const TEXT = 'text/plain; charset=utf-8'
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
      if (!res.headersSent) send(res, 500, TEXT, 'Internal error')
      else res.destroy()
    })
  })

  /**
   * Only the API needs the token: the static build holds no secrets, so pages and assets are
   * served on Host, Origin and Sec-Fetch-Site alone, and the token never has to be a cookie
   * (cookies ignore ports, so every server on 127.0.0.1 would receive it). The page keeps the
   * token in memory and in its address's fragment, which no request carries.
   */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, TEXT, 'Forbidden host')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, TEXT, 'Forbidden origin')
    }
    // Browsers say where a request comes from even when they send no Origin (GET, <img>, <script>).
    if (!SAME_SITE_FETCHES.has(String(req.headers['sec-fetch-site'] ?? 'none'))) {
      return send(res, 403, TEXT, 'Forbidden: a request from another site')
    }
    // A malformed address is the client's mistake, answered before anything else looks at it.
    const target = parseTarget(req.url ?? '/', port)
    if (!target) return send(res, 400, TEXT, 'Bad request: the address is malformed.')

    if (target.pathname.startsWith('/api/')) {
      const given = req.headers['x-dossier-token']
      if (typeof given !== 'string' || !sameToken(given, token)) {
        return send(res, 401, TEXT, 'Unauthorized: open the URL Dossier printed, with its token.')
      }
      if (req.method !== 'POST') return send(res, 405, TEXT, 'Use POST')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, TEXT, 'Expected application/json')
      }
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > MAX_BODY_BYTES) return refuseTooLarge(req, res)
      const body = await readBody(req)
      if (body === null) return refuseTooLarge(req, res)
      let input: unknown
      try {
        input = JSON.parse(body)
      } catch {
        return sendJson(res, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } })
      }
      const result = await options.dispatch(target.channel, input)
      // Bytes go out as they are: no base64 to encode here and decode in the page.
      if (result.ok && isChannel(target.channel) && answersBytes(target.channel)) return sendBytes(res, (result.value as { bytes: Uint8Array }).bytes)
      return sendJson(res, result)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Method not allowed')
    // Every view's route (shared/links/app-routes.ts, the dossier:// link forms among them) is the
    // app's page; the page opens what the route names.
    const isShell = isShellPath(target.pathname)
    const file =
      target.pathname === '/favicon.ico'
        ? options.faviconPath
          ? await files.read(options.faviconPath)
          : null
        : isShell
          ? await files.read(join(rendererRoot, 'index.html'))
          : await staticFile(files, rendererRoot, target.pathname.replace(ROUTE_ASSETS, ''))
    if (!file) return send(res, 404, TEXT, 'Not found')
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
      'Content-Length': file.body.length,
      'Content-Security-Policy': options.csp,
      ...(HASHED_ASSET.test(file.path) ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
      ...SECURITY_HEADERS
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }
  const files = new BuildFiles()

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

/**
 * A file under root, or null: no `..`, no symlink leading outside, no directories. Async: a
 * page's dozen scripts are answered without holding the server's thread on the disk.
 */
async function staticFile(files: BuildFiles, root: string, pathname: string): Promise<BuildFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = resolve(root, `.${decoded}`)
  if (!candidate.startsWith(root + sep)) return null
  return files.read(candidate, async () => {
    const real = await realpath(candidate)
    return real.startsWith(root + sep) && (await stat(real)).isFile()
  })
}

interface BuildFile {
  path: string
  body: Buffer
}

/**
 * The build's scripts and styles carry a hash of their content in their name (Vite's
 * `name-HASH.js`): such a file never changes, so the browser may keep it and the server keeps it
 * in memory once read (a rebuild writes new names). Everything else, index.html first, is read
 * at each request, so a rebuild while the server runs is served at the next reload.
 */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.(js|css)$/

class BuildFiles {
  private readonly kept = new Map<string, BuildFile>()

  /** The file at `path` (already checked to be under the root), or null when `allowed` says no or it cannot be read. */
  async read(path: string, allowed: () => Promise<boolean> = async () => true): Promise<BuildFile | null> {
    const kept = this.kept.get(path)
    if (kept) return kept
    try {
      if (!(await allowed())) return null
      const file = { path, body: await readFile(path) }
      // Only files that exist are kept, so the map grows no larger than the build.
      if (HASHED_ASSET.test(path)) this.kept.set(path, file)
      return file
    } catch {
      return null
    }
  }
}

/** The path and, for the API, its channel; null when either is not a well-formed address. */
function parseTarget(raw: string, port: number): { pathname: string; channel: string } | null {
  // `//x` would be read as a host; the request target is always a path here.
  if (!raw.startsWith('/') || raw.startsWith('//')) return null
  try {
    const { pathname } = new URL(raw, `http://${HOST}:${port}`)
    const channel = pathname.startsWith('/api/') ? decodeURIComponent(pathname.slice('/api/'.length)) : ''
    return { pathname, channel }
  } catch {
    return null
  }
}

/**
 * The body, or null once it passes the limit: counted while it streams, and nothing more is kept
 * after that, so a huge body cannot grow memory before it is refused.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        req.off('data', onData)
        resolveBody(null)
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * 413 at once, then the connection is closed a moment later. Closed at once on a client still
 * sending, it would be reset, and a client can lose the answer with the reset before reading it:
 * so what still comes is read and dropped (nothing is kept) until the linger ends, the lingering
 * close HTTP servers do.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  send(res, 413, TEXT, 'Request too large: the limit is 72 MB.')
  req.resume()
  const socket = req.socket
  setTimeout(() => socket.destroy(), LINGER_MS).unref()
}

/** How long a refused request's connection stays open to let its client read the answer. */
const LINGER_MS = 3000

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  res.end(body)
}

/** A channel's bytes (BytesOutput) as the body; the client knows them by their content type. */
function sendBytes(res: ServerResponse, bytes: Uint8Array): void {
  res.writeHead(200, { 'Content-Type': BYTES_CONTENT_TYPE, 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  res.end(bytes)
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))
}
