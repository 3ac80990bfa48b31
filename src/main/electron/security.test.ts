import type { WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import {
  canonicalExternalUrl,
  createLinkOpener,
  describeExternalLink,
  hardenWebContents,
  installSessionSecurity,
  isAllowedRequestUrl,
  isAllowedExternalUrl,
  isTrustedPageUrl,
  isTrustedSender,
  shouldApplyCsp,
  withCspHeader,
  type SessionLike
} from './security'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#frag',
    'HTTPS://EXAMPLE.COM/',
    'https://example.com/%20spaced',
    'https://xn--bcher-kva.example/',
    'mailto:analyst@example.com',
    'mailto:analyst@example.com?subject=Harbour%20ice'
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JavaScript:alert(1)'],
    ['javascript behind a newline', 'java\nscript:alert(1)'],
    ['javascript behind a tab', 'java\tscript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://example.com/0b5c'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://evil.example/share'],
    ['backslashes', 'http:\\\\evil.example'],
    ['one backslash', 'http:\\evil.example'],
    ['mixed slashes', 'https:/\\evil.example'],
    ['no slashes', 'http:evil.example'],
    ['leading space', ' https://example.com'],
    ['trailing space', 'https://example.com '],
    ['leading newline', '\nhttps://example.com'],
    ['embedded NUL', 'https://example.com\u0000.evil'],
    ['C1 control', 'https://example.com/\u0085'],
    ['credentials disguising the host', 'https://bank.example@evil.example/'],
    ['user and password', 'https://user:pw@example.com/'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['scheme only', 'https://'],
    ['relative path', '/index.html'],
    ['protocol-relative', '//evil.example']
  ])('rejects %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('rejects non-strings and absurd lengths', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false)
    expect(isAllowedExternalUrl(null)).toBe(false)
    expect(isAllowedExternalUrl({ toString: () => 'https://example.com' })).toBe(false)
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(10_000)}`)).toBe(false)
  })

  it('hands the OS the parser serialization, not the page string', () => {
    expect(canonicalExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/')
  })
})

describe('isTrustedPageUrl', () => {
  const page = 'file:///app/out/renderer/index.html'

  it('accepts our page, also with a hash route or query', () => {
    expect(isTrustedPageUrl(page, page)).toBe(true)
    expect(isTrustedPageUrl(`${page}#/article/3`, page)).toBe(true)
    expect(isTrustedPageUrl(`${page}?x=1`, page)).toBe(true)
  })

  it('rejects other files, even those sharing a prefix', () => {
    expect(isTrustedPageUrl('file:///app/out/renderer/index.html.evil.html', page)).toBe(false)
    expect(isTrustedPageUrl('file:///app/out/renderer/other.html', page)).toBe(false)
    expect(isTrustedPageUrl('file:///tmp/index.html', page)).toBe(false)
    expect(isTrustedPageUrl('file://server/app/out/renderer/index.html', page)).toBe(false)
  })

  it('rejects other protocols and garbage', () => {
    expect(isTrustedPageUrl('https://app/out/renderer/index.html', page)).toBe(false)
    expect(isTrustedPageUrl('about:blank', page)).toBe(false)
    expect(isTrustedPageUrl('', page)).toBe(false)
  })

  it('trusts only our app:// page, never another app: host or path', () => {
    const app = 'app://dossier/index.html'
    expect(isTrustedPageUrl('app://dossier/index.html#/article/1', app)).toBe(true)
    expect(isTrustedPageUrl('app://evil/index.html', app)).toBe(false)
    expect(isTrustedPageUrl('app://dossier/other.html', app)).toBe(false)
    expect(isTrustedPageUrl('app://x@dossier/index.html', app)).toBe(false)
    expect(isTrustedPageUrl('file:///index.html', app)).toBe(false)
    expect(isTrustedPageUrl('other://dossier/index.html', 'other://dossier/index.html')).toBe(false)
  })

  it('trusts the dev server by origin', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedPageUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedPageUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedPageUrl('http://127.0.0.1:5173/', dev)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  const page = 'file:///app/out/renderer/index.html'

  it('accepts only the top frame of our page', () => {
    expect(isTrustedSender({ url: page, parent: null }, page)).toBe(true)
    expect(isTrustedSender({ url: page, parent: { url: page } }, page)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null }, page)).toBe(false)
    expect(isTrustedSender(null, page)).toBe(false)
    expect(isTrustedSender(undefined, page)).toBe(false)
  })
})

describe('CSP header', () => {
  it('replaces whatever policy the response carried, in any spelling', () => {
    const headers = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' }, CONTENT_SECURITY_POLICY)
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('adds the policy when there are no headers at all', () => {
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] })
  })

  it('applies to our files only, not the dev server', () => {
    expect(shouldApplyCsp('file:///app/out/renderer/index.html')).toBe(true)
    expect(shouldApplyCsp('app://dossier/index.html')).toBe(true)
    expect(shouldApplyCsp('http://localhost:5173/')).toBe(false)
  })

  it('lets nothing remote or inline run', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })
})

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      on(name: string, listener: (event: { preventDefault(): void; url: string }) => void) {
        listeners.set(name, listener)
        return contents
      },
      setWindowOpenHandler(handler: typeof openHandler) {
        openHandler = handler
      }
    }
    return {
      contents: contents as unknown as WebContents,
      emit(name: string, url = 'https://example.com/') {
        const preventDefault = vi.fn()
        listeners.get(name)?.({ preventDefault, url })
        return preventDefault
      },
      open: (url: string) => openHandler!({ url })
    }
  }

  it('blocks every navigation, redirect and webview', () => {
    const fake = fakeContents()
    hardenWebContents(fake.contents, vi.fn())
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(fake.emit(name), name).toHaveBeenCalledOnce()
    }
  })

  it('denies every new window, offering only web and mail links to the link opener', () => {
    const fake = fakeContents()
    const openLink = vi.fn()
    hardenWebContents(fake.contents, openLink)
    expect(fake.open('https://Example.com/a')).toEqual({ action: 'deny' })
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(fake.open('app://dossier/index.html')).toEqual({ action: 'deny' })
    expect(openLink.mock.calls).toEqual([['https://Example.com/a']])
  })

  it('turns a followed web link into an offer to open it outside, and drops the rest', () => {
    const fake = fakeContents()
    const openLink = vi.fn()
    hardenWebContents(fake.contents, openLink)
    fake.emit('will-navigate', 'https://example.com/report')
    fake.emit('will-navigate', 'file:///etc/passwd')
    fake.emit('will-navigate', 'app://dossier/other.html')
    expect(openLink.mock.calls).toEqual([['https://example.com/report']])
  })
})

describe('createLinkOpener', () => {
  it('asks first, showing the parsed address, and opens only on yes', async () => {
    const confirm = vi.fn(async () => true)
    const open = vi.fn(async () => {})
    const openLink = createLinkOpener(confirm, open, vi.fn())
    expect(await openLink('HTTPS://Example.COM/a b'.replace(' ', '%20'))).toBe('opened')
    expect(confirm).toHaveBeenCalledWith('https://example.com/a%20b')
    expect(open).toHaveBeenCalledWith('https://example.com/a%20b')
  })

  it('opens nothing when the analyst cancels', async () => {
    const open = vi.fn(async () => {})
    expect(await createLinkOpener(async () => false, open, vi.fn())('mailto:a@example.com')).toBe('cancelled')
    expect(open).not.toHaveBeenCalled()
  })

  it('refuses other schemes without asking, and logs why', async () => {
    const confirm = vi.fn(async () => true)
    const open = vi.fn(async () => {})
    const log = vi.fn()
    const openLink = createLinkOpener(confirm, open, log)
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ms-msdt:/id', 'smb://host/share', 'http:evil.example', 'app://dossier/index.html']) {
      expect(await openLink(url), url).toBe('refused')
    }
    expect(confirm).not.toHaveBeenCalled()
    expect(open).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledTimes(6)
  })

  it('survives the OS refusing to open a link', async () => {
    const log = vi.fn()
    expect(await createLinkOpener(async () => true, () => Promise.reject(new Error('no handler')), log)('https://example.com')).toBe('failed')
    expect(log.mock.calls[0]![0]).toContain('no handler')
  })

  it('tells the analyst where a link really goes', () => {
    expect(describeExternalLink('https://evil.example/login')).toEqual({
      message: 'Open this link in your browser?',
      detail: 'evil.example\n\nhttps://evil.example/login'
    })
    expect(describeExternalLink('mailto:desk@example.com').message).toBe('Write an email to desk@example.com?')
  })
})

describe('isAllowedRequestUrl (no remote content)', () => {
  it.each(['app://dossier/index.html', 'app://dossier/assets/app.js', 'data:image/png;base64,AAAA', 'blob:app://dossier/0b5c', 'devtools://devtools/bundled/inspector.html'])(
    'lets %s load',
    (url) => expect(isAllowedRequestUrl(url)).toBe(true)
  )

  it.each([
    'https://example.com/tracker.gif',
    'http://127.0.0.1:5173/',
    'ws://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://dossier:80/index.html',
    'ftp://example.com/',
    'chrome://settings',
    'not a url'
  ])('blocks %s', (url) => expect(isAllowedRequestUrl(url)).toBe(false))

  it('lets the dev server and its socket through in development only', () => {
    const dev = 'http://localhost:5173'
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequestUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequestUrl('https://example.com/', dev)).toBe(false)
  })
})

describe('installSessionSecurity', () => {
  function fakeSession() {
    const calls: Record<string, unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: unknown) => void (calls.request = h),
      setPermissionCheckHandler: (h: unknown) => void (calls.check = h),
      setDevicePermissionHandler: (h: unknown) => void (calls.device = h),
      webRequest: {
        onBeforeRequest: (_filter: unknown, h: unknown) => void (calls.before = h),
        onHeadersReceived: (_filter: unknown, h: unknown) => void (calls.headers = h)
      }
    }
    return { session: session as unknown as SessionLike, calls }
  }

  it('denies every permission request, check and device', () => {
    const { session, calls } = fakeSession()
    installSessionSecurity(session, { csp: CONTENT_SECURITY_POLICY, log: vi.fn() })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn()
      ;(calls.request as (c: unknown, p: string, cb: (granted: boolean) => void) => void)({}, permission, callback)
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect((calls.check as (c: unknown, p: string) => boolean)({}, permission)).toBe(false)
    }
    expect((calls.device as () => boolean)()).toBe(false)
  })

  it('cancels remote requests and lets our own files through', () => {
    const { session, calls } = fakeSession()
    const log = vi.fn()
    installSessionSecurity(session, { csp: CONTENT_SECURITY_POLICY, log })
    const before = calls.before as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void
    const decide = (url: string) => {
      let cancel: boolean | undefined
      before({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('app://dossier/index.html')).toBe(false)
    expect(decide('https://tracker.example/pixel.gif')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
    expect(log).toHaveBeenCalledTimes(2)
  })

  it('puts the CSP on our own pages', () => {
    const { session, calls } = fakeSession()
    installSessionSecurity(session, { csp: CONTENT_SECURITY_POLICY })
    const headers = calls.headers as (d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void
    const seen = vi.fn()
    headers({ url: 'app://dossier/index.html', responseHeaders: {} }, seen)
    expect(seen).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
})
