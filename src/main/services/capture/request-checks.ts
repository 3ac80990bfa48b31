/**
 * What the capture endpoint checks on every request before anything else runs. Plain functions
 * over header values so each refusal is tested on its own (request-checks.test.ts).
 *
 * Any web page the analyst visits can send requests to 127.0.0.1; what stops it is that a browser
 * always sends the page's own Origin with a cross-origin POST or preflight, and a page cannot
 * claim an extension's origin. Only extension origins are answered, and CORS headers are written
 * for them alone, so a page can neither post a capture nor read any answer.
 */

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/

export type Refusal = { status: 403 | 401 | 413 | 405 | 415 | 404; reason: string }

/** Host must name this port on the loopback address: a DNS-rebound name is refused. */
export function checkHost(host: string | undefined, port: number): Refusal | null {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`]
  return host && allowed.includes(host.toLowerCase()) ? null : { status: 403, reason: 'Forbidden host' }
}

/** The extension's own origin, or a refusal: no Origin, `null`, web pages and other schemes. */
export function checkOrigin(origin: string | undefined): { origin: string } | Refusal {
  if (origin && EXTENSION_ORIGIN.test(origin)) return { origin }
  return { status: 403, reason: 'Forbidden origin: only the Dossier browser extension may use this address.' }
}

/**
 * Too large by its declared length, decided before reading. A body without a length (chunked)
 * is counted as it arrives instead, and cut off at the same limit.
 */
export function checkDeclaredLength(contentLength: string | undefined, limit: number): Refusal | null {
  if (contentLength === undefined) return null
  const n = Number(contentLength)
  if (!Number.isSafeInteger(n) || n < 0) return { status: 413, reason: 'Request too large' }
  return n > limit ? { status: 413, reason: `Request too large: Dossier accepts pages up to ${Math.round(limit / 1024 / 1024)} MB.` } : null
}

/** CORS for an extension origin (already checked): its answers are readable by it and nothing else. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': 'content-type, x-dossier-key',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin'
  }
}
