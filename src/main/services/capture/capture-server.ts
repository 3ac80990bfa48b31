import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { z } from 'zod'
import {
  CAPTURE_KEY_HEADER,
  CAPTURE_PATHS,
  CaptureRequest,
  MAX_CAPTURE_BODY_BYTES,
  PairRequest,
  type CaptureStatus
} from '../../../shared/capture/capture-protocol'
import { DossierError } from '../../../shared/errors'
import type { CaptureService } from './capture-service'
import { checkDeclaredLength, checkHost, checkOrigin, corsHeaders, type Refusal } from './request-checks'

export interface CaptureServerOptions {
  capture: CaptureService
  version: string
  port: number
  /** Opens an article in this Dossier: dossier://article/<id>, or the browser mode's address. */
  articleLink: (id: string) => string | null
  maxBodyBytes?: number
  /** Told of every refused request (the shells log them; tests count them). */
  onRefused?: (status: number, reason: string) => void
}

export interface CaptureServer {
  port: number
  close(): Promise<void>
}

const HOST = '127.0.0.1'

/**
 * The capture endpoint: 127.0.0.1 only, on a port the extension knows. Every request is checked
 * in this order before anything else happens: the Host header, the Origin (a browser extension's,
 * never a web page's), the method and path, the declared size (413 before reading), and, for all
 * but the status and pairing calls, the paired key, used from the origin it was given to.
 */
export async function startCaptureServer(options: CaptureServerOptions): Promise<CaptureServer> {
  const limit = options.maxBodyBytes ?? MAX_CAPTURE_BODY_BYTES
  let port = options.port

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[dossier capture]', err)
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  // A page that never finishes its body cannot hold a connection open for long.
  server.requestTimeout = 60_000
  server.headersTimeout = 10_000

  function refuse(res: ServerResponse, refusal: Refusal, cors: Record<string, string> = {}): void {
    options.onRefused?.(refusal.status, refusal.reason)
    // The body is never read: closing the connection stops a sender from pushing the rest.
    res.setHeader('Connection', 'close')
    sendText(res, refusal.status, refusal.reason, cors)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = checkHost(req.headers.host, port)
    if (host) return refuse(res, host)
    const origin = checkOrigin(req.headers.origin)
    if ('status' in origin) return refuse(res, origin)
    const cors = corsHeaders(origin.origin)
    const path = (req.url ?? '/').split('?', 1)[0]!

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Cache-Control': 'no-store' })
      return void res.end()
    }
    const route = ROUTES[path]
    if (!route) return refuse(res, { status: 404, reason: 'Not found' }, cors)
    if (req.method !== route.method) return refuse(res, { status: 405, reason: `Use ${route.method}` }, cors)
    if (route.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, { status: 415, reason: 'Expected application/json' }, cors)
      const tooLarge = checkDeclaredLength(req.headers['content-length'], limit)
      if (tooLarge) return refuse(res, tooLarge, cors)
    }
    const keyHeader = req.headers[CAPTURE_KEY_HEADER]
    const pairing = options.capture.authenticate(typeof keyHeader === 'string' ? keyHeader : undefined, origin.origin)

    if (path === CAPTURE_PATHS.status) {
      const status: CaptureStatus = { app: 'Dossier', version: options.version, paired: pairing !== null }
      return sendJson(res, 200, status, cors)
    }
    if (path === CAPTURE_PATHS.pair) {
      const body = await readJson(req, res, limit, PairRequest, cors)
      if (!body) return
      try {
        return sendJson(res, 200, options.capture.pair(body.code, body.browser, origin.origin), cors)
      } catch (err) {
        if (err instanceof DossierError) return refuse(res, { status: 403, reason: err.message }, cors)
        throw err
      }
    }
    if (!pairing) return refuse(res, { status: 401, reason: 'This browser is not paired with Dossier (or was revoked): pair it again with Connect browser.' }, cors)
    if (path === CAPTURE_PATHS.cases) return sendJson(res, 200, { cases: options.capture.caseChoices() }, cors)

    const body = await readJson(req, res, limit, CaptureRequest, cors)
    if (!body) return
    return sendJson(res, 200, await options.capture.capture(body, pairing, options.articleLink), cors)
  }

  /** The body as JSON matching its schema, or null with the refusal already sent. */
  async function readJson<T extends z.ZodType>(req: IncomingMessage, res: ServerResponse, max: number, schema: T, cors: Record<string, string>): Promise<z.infer<T> | null> {
    const text = await readBody(req, max)
    if (text === null) {
      refuse(res, { status: 413, reason: 'Request too large' }, cors)
      return null
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      sendJson(res, 400, { error: 'The request body is not valid JSON.' }, cors)
      return null
    }
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      sendJson(res, 400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` }, cors)
      return null
    }
    return parsed.data as z.infer<T>
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, HOST, () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      })
  }
}

const ROUTES: Record<string, { method: 'GET' | 'POST' }> = {
  [CAPTURE_PATHS.status]: { method: 'GET' },
  [CAPTURE_PATHS.pair]: { method: 'POST' },
  [CAPTURE_PATHS.cases]: { method: 'GET' },
  [CAPTURE_PATHS.page]: { method: 'POST' }
}

/** Counted as it arrives: a body sent without a length (chunked) is cut off at the same limit. */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        resolveBody(null)
        req.pause()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolveBody(size > max ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

function sendText(res: ServerResponse, status: number, body: string, cors: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...cors })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown, cors: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...cors })
  res.end(JSON.stringify(value))
}
