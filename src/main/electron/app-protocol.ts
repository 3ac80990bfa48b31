import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

/**
 * The renderer is served from app://dossier/ rather than file://. A file: page may read any file
 * its URL can name (Obsidian CVE-2023-2110 was a custom protocol that did just that); this scheme
 * answers only for files inside the built renderer folder, and 'self' in the CSP means that
 * folder and nothing else on the disk.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'dossier'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * Registered before the app is ready. `standard` gives the scheme an origin (so 'self', relative
 * URLs and the sender check work as for https), `secure` keeps it out of mixed-content warnings;
 * no service workers, no CORS: nothing outside our own page ever fetches from it.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  allowServiceWorkers: false,
  corsEnabled: false,
  bypassCSP: false,
  stream: false
} as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

/** Control characters and backslashes; in a decoded segment also `/` and `:` (a drive). */
function hasUnsafeChar(text: string, inSegment: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true
    if (inSegment && (code === 0x2f || code === 0x3a)) return true
  }
  return false
}

/**
 * The path segments an app:// URL names, or null when the URL is not plainly a file of ours.
 * Judged on the raw string too: URL parsers resolve `..` before we could see it, and an encoded
 * `%2e%2e`, `%2f` or `%5c` must not become a step out of the folder after decoding.
 */
export function appUrlSegments(rawUrl: string): string[] | null {
  if (typeof rawUrl !== 'string' || rawUrl.length > 4096) return null
  // The only backslash, NUL or control character a link of ours may hold is percent-encoded.
  if (hasUnsafeChar(rawUrl, false)) return null
  const prefix = `${APP_ORIGIN}/`
  if (!rawUrl.toLowerCase().startsWith(prefix)) return null
  const rest = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0]!
  if (rest === '') return ['index.html']
  const segments: string[] = []
  for (const raw of rest.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    // Empty (`//etc`), dot segments, anything that decodes to a separator, a drive (`C:`), a NUL.
    if (segment === '' || segment === '.' || segment === '..') return null
    if (hasUnsafeChar(segment, true)) return null
    segments.push(segment)
  }
  return segments
}

/**
 * The file an app:// URL names inside `root`, following symlinks only when they end inside it
 * too, or null. `root` must already be a real path (no symlinks of its own).
 */
export async function resolveAppFile(root: string, rawUrl: string): Promise<string | null> {
  const segments = appUrlSegments(rawUrl)
  if (!segments) return null
  const candidate = join(root, ...segments)
  if (!candidate.startsWith(root + sep)) return null
  try {
    const real = await realpath(candidate)
    if (!real.startsWith(root + sep)) return null
    if (!(await stat(real)).isFile()) return null
    return real
  } catch {
    return null
  }
}

/**
 * The handler behind `protocol.handle('app', …)`, in plain Node so tests can call it: files of the
 * renderer folder with the CSP attached, 404 for anything else, and only GET or HEAD.
 */
export function createAppProtocolHandler(root: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store'
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
    }
    const file = await resolveAppFile(root, request.url)
    if (!file) return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }
    })
  }
}
