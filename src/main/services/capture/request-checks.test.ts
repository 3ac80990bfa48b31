import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDeclaredLength, checkHost, checkOrigin, corsHeaders } from './request-checks'

describe('capture request checks', () => {
  it('accept the loopback Host on this port only', () => {
    expect(checkHost('127.0.0.1:28451', 28451)).toBeNull()
    expect(checkHost('localhost:28451', 28451)).toBeNull()
    for (const host of [undefined, '', '127.0.0.1', '127.0.0.1:28452', 'evil.example:28451', '127.0.0.1.evil.example:28451', '0.0.0.0:28451', '[::1]:28451', 'localhost.:28451']) {
      expect(checkHost(host, 28451), String(host)).toMatchObject({ status: 403 })
    }
  })

  it('accept only a browser extension as Origin', () => {
    expect(checkOrigin('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toEqual({ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' })
    expect(checkOrigin('moz-extension://5b7e4a3c-1d2e-4f60-9a8b-0c1d2e3f4a5b')).toEqual({ origin: 'moz-extension://5b7e4a3c-1d2e-4f60-9a8b-0c1d2e3f4a5b' })
    for (const origin of [
      undefined,
      '',
      'null',
      'http://127.0.0.1:28451',
      'http://localhost:8080',
      'https://evil.example',
      'chrome-extension://',
      'chrome-extension://abc/path',
      'chrome-extension://abc.evil.example',
      'CHROME-EXTENSION://abc',
      'safari-web-extension://abc',
      'file://',
      'chrome-extension://abc, https://evil.example'
    ]) {
      expect(checkOrigin(origin), String(origin)).toMatchObject({ status: 403 })
    }
  })

  it('refuse every web origin, whatever its host', () => {
    fc.assert(
      fc.property(fc.constantFrom('http', 'https', 'ws', 'file', 'blob'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })), (scheme, host, port) => {
        const refused = checkOrigin(`${scheme}://${host}${port === null ? '' : `:${port}`}`)
        return 'status' in refused && refused.status === 403
      }),
      { numRuns: 200 }
    )
  })

  it('refuse a declared body over the limit, and lengths that are not numbers', () => {
    expect(checkDeclaredLength(undefined, 100)).toBeNull()
    expect(checkDeclaredLength('100', 100)).toBeNull()
    expect(checkDeclaredLength('101', 100)).toMatchObject({ status: 413 })
    expect(checkDeclaredLength('-1', 100)).toMatchObject({ status: 413 })
    expect(checkDeclaredLength('1e9', 100)).toMatchObject({ status: 413 })
    expect(checkDeclaredLength('99999999999999999999', 100)).toMatchObject({ status: 413 })
  })

  it('let only the extension read its answers', () => {
    expect(corsHeaders('chrome-extension://abc')).toMatchObject({ 'Access-Control-Allow-Origin': 'chrome-extension://abc', Vary: 'Origin' })
    expect(corsHeaders('chrome-extension://abc')).not.toHaveProperty('Access-Control-Allow-Credentials')
  })
})
