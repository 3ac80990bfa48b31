import type { WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import {
  canonicalExternalUrl,
  hardenWebContents,
  isAllowedExternalUrl,
  isTrustedPageUrl,
  isTrustedSender,
  shouldApplyCsp,
  withCspHeader
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
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      on(name: string, listener: (event: { preventDefault(): void }) => void) {
        listeners.set(name, listener)
        return contents
      },
      setWindowOpenHandler(handler: typeof openHandler) {
        openHandler = handler
      }
    }
    return {
      contents: contents as unknown as WebContents,
      emit(name: string) {
        const preventDefault = vi.fn()
        listeners.get(name)?.({ preventDefault })
        return preventDefault
      },
      open: (url: string) => openHandler!({ url })
    }
  }

  it('blocks every navigation and webview', () => {
    const fake = fakeContents()
    hardenWebContents(fake.contents, vi.fn(async () => {}))
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-attach-webview']) {
      expect(fake.emit(name), name).toHaveBeenCalledOnce()
    }
  })

  it('denies every new window, sending only web and mail links to the OS', () => {
    const fake = fakeContents()
    const openExternal = vi.fn(async () => {})
    hardenWebContents(fake.contents, openExternal)
    expect(fake.open('https://Example.com/a')).toEqual({ action: 'deny' })
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://example.com/a']])
  })

  it('survives the OS refusing to open a link', async () => {
    const fake = fakeContents()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    hardenWebContents(fake.contents, () => Promise.reject(new Error('no handler')))
    expect(fake.open('mailto:a@example.com')).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 0))
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })
})
