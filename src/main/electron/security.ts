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

/**
 * Whether `url` is the page we loaded: the same host and path for app: and file: URLs (the URL
 * parser gives non-web schemes the opaque origin "null", which would match anything), the same
 * origin for the dev server.
 */
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
  if (expected.protocol === 'file:' || expected.protocol === 'app:') {
    return actual.host === expected.host && actual.pathname === expected.pathname && actual.username === '' && actual.port === ''
  }
  if (expected.origin === 'null') return false
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
  return url.startsWith('file:') || url.startsWith('app:')
}

/**
 * Whether the renderer may load `url` at all. Dossier has no remote content: its own app://
 * files, inline data: images, blob: URLs the page made, DevTools, and (in development only)
 * the Vite dev server with its hot-reload socket. Everything else, file: included, is cancelled
 * before a byte leaves the machine or a local file is read.
 */
export function isAllowedRequestUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  switch (url.protocol) {
    case 'app:':
      return url.host === 'dossier' && url.username === '' && url.port === ''
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:': {
      if (!devServerUrl) return false
      const dev = new URL(devServerUrl)
      return url.hostname === dev.hostname && url.port === dev.port && url.username === ''
    }
    default:
      return false
  }
}

/** The parts of an Electron session the defences touch; a plain object in tests. */
export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>
}

export interface SessionSecurityOptions {
  csp: string
  /** The Vite dev server in development; undefined in every build a user runs. */
  devServerUrl?: string
  log?: (message: string) => void
}

/**
 * Session-wide defences: no web permission is ever granted (an offline notes app needs none),
 * no request leaves for anywhere but our own files, and every local page gets the CSP as a
 * header, backing up the <meta> tag in index.html.
 */
export function installSessionSecurity(session: SessionLike, options: SessionSecurityOptions): void {
  const log = options.log ?? ((message: string) => console.warn(message))
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, options.devServerUrl)
    if (!allowed) log(`[dossier] blocked a request for ${details.url.slice(0, 200)}`)
    callback({ cancel: !allowed })
  })
  session.webRequest.onHeadersReceived({ urls: ['<all_urls>'] }, (details, callback) => {
    if (!shouldApplyCsp(details.url)) return callback({})
    callback({ responseHeaders: withCspHeader(details.responseHeaders, options.csp) })
  })
}

export type ConfirmExternal = (url: string) => Promise<boolean>
export type OpenExternal = (url: string) => Promise<void>
export type ExternalOutcome = 'opened' | 'cancelled' | 'refused' | 'failed'

/**
 * The one way a link leaves Dossier for the operating system: a web or mail link, parsed and
 * re-serialized, shown to the analyst in full, and opened only when they say so. An imported
 * article's link text may say one thing and point elsewhere; the dialog shows where it points.
 */
export function createLinkOpener(confirm: ConfirmExternal, openExternal: OpenExternal, log: (message: string) => void = console.error) {
  return async (raw: string): Promise<ExternalOutcome> => {
    if (!isAllowedExternalUrl(raw)) {
      log(`[dossier] refused to open ${JSON.stringify(String(raw).slice(0, 200))}: only http(s) and mailto links open outside Dossier`)
      return 'refused'
    }
    const url = canonicalExternalUrl(raw)
    if (!(await confirm(url))) return 'cancelled'
    try {
      await openExternal(url)
      return 'opened'
    } catch (err) {
      log(`[dossier] could not open ${url}: ${String(err)}`)
      return 'failed'
    }
  }
}

/** What the confirmation dialog says: the full address, and the host on its own line. */
export function describeExternalLink(url: string): { message: string; detail: string } {
  const parsed = new URL(url)
  if (parsed.protocol === 'mailto:') return { message: `Write an email to ${parsed.pathname}?`, detail: url }
  return { message: `Open this link in your browser?`, detail: `${parsed.host}\n\n${url}` }
}

export type OpenLink = (url: string) => void

/**
 * Applied to every webContents the app creates: the page can never navigate away from itself,
 * never open a window, never embed a webview. A link the page tries to follow or open in a new
 * window is handed to `openLink`, which asks before anything leaves Dossier.
 */
export function hardenWebContents(contents: WebContents, openLink: OpenLink): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    if (isAllowedExternalUrl(event.url)) openLink(event.url)
  })
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openLink(url)
    return { action: 'deny' }
  })
}
