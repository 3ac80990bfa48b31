import type { Session, WebContents } from 'electron'

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * Spaces, control characters and backslashes: a well-formed link has them percent-encoded. Raw,
 * they are where URL parsers disagree, and the page's string must mean one thing only.
 */
function hasAmbiguousChars(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true
  }
  return false
}

/**
 * Whether a URL the page asked to open may go to the operating system. Only web and mail links,
 * written out in full, without credentials that could disguise the real host.
 */
export function isAllowedExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return false
  if (hasAmbiguousChars(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return false
  if (url.protocol === 'mailto:') return true
  // `http:evil.example` parses as http://evil.example/; demand the spelled-out form.
  if (!/^https?:\/\//i.test(raw)) return false
  return url.hostname !== '' && url.username === '' && url.password === ''
}

/** The form handed to the OS: the parser's own serialization, never the page's string. */
export function canonicalExternalUrl(raw: string): string {
  return new URL(raw).href
}

/** Whether `url` is the page we loaded: same file for file: URLs, same origin for the dev server. */
export function isTrustedPageUrl(url: string, trustedPageUrl: string): boolean {
  let actual: URL
  let expected: URL
  try {
    actual = new URL(url)
    expected = new URL(trustedPageUrl)
  } catch {
    return false
  }
  if (actual.protocol !== expected.protocol) return false
  if (expected.protocol === 'file:') return actual.host === expected.host && actual.pathname === expected.pathname
  return actual.origin === expected.origin
}

export interface FrameLike {
  readonly url: string
  readonly parent: unknown
}

/** IPC is answered only for the top frame of our own page: never an iframe, never a page navigated elsewhere. */
export function isTrustedSender(frame: FrameLike | null | undefined, trustedPageUrl: string): boolean {
  return frame != null && frame.parent === null && isTrustedPageUrl(frame.url, trustedPageUrl)
}

export type ResponseHeaders = Record<string, string[] | string>

/** The response headers with our CSP in place of any the response carried. */
export function withCspHeader(headers: ResponseHeaders | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? value : [value]
  }
  out['Content-Security-Policy'] = [csp]
  return out
}

/** Our own files get the header; the Vite dev server is left alone because HMR needs inline scripts. */
export function shouldApplyCsp(url: string): boolean {
  return url.startsWith('file:')
}

/**
 * Session-wide defences: no web permission is ever granted (an offline notes app needs none),
 * and every local page gets the CSP as a header, backing up the <meta> tag in index.html.
 */
export function installSessionSecurity(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived({ urls: ['<all_urls>'] }, (details, callback) => {
    if (!shouldApplyCsp(details.url)) return callback({})
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) })
  })
}

export type OpenExternal = (url: string) => Promise<void>

/**
 * Applied to every webContents the app creates: the page can never navigate away from itself,
 * never open a window, never embed a webview. Links that ask for a new window go to the
 * system browser, if they are web or mail links.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(canonicalExternalUrl(url)).catch((err: unknown) => {
        console.error(`[dossier] could not open ${canonicalExternalUrl(url)}: ${String(err)}`)
      })
    }
    return { action: 'deny' }
  })
}
