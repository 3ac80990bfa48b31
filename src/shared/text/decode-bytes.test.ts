import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from './decode-bytes'
import { caughtDossierError } from '../../../test/support/caught-dossier-error'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))


describe('decodeBytes', () => {
  it('decodes UTF-8, dropping a byte order mark', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Grüße'), 'a.txt')).toBe('Grüße')
  })

  it('decodes UTF-16 in either byte order when a BOM says so', () => {
    const le = [0xff, 0xfe, ...[...'Hé'].flatMap((c) => [c.charCodeAt(0), 0])]
    const be = [0xfe, 0xff, ...[...'Hé'].flatMap((c) => [0, c.charCodeAt(0)])]
    expect(decodeBytes(Uint8Array.from(le), 'le.txt')).toBe('Hé')
    expect(decodeBytes(Uint8Array.from(be), 'be.txt')).toBe('Hé')
  })

  it('falls back to Windows-1252 for bytes that are not UTF-8, including its punctuation', () => {
    expect(decodeBytes(bytes('Caf', [0xe9], ' ', [0x93, 0x80, 0x85, 0x97, 0x99, 0x9f, 0x94]), 'w.txt')).toBe('Café “€…—™Ÿ”')
  })

  it('never yields C1 control characters for the 27 printable Windows-1252 bytes', () => {
    const printable = [...Array(32).keys()].map((i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b))
    // 0xFF makes the bytes invalid UTF-8, forcing the fallback.
    const text = decodeBytes(Uint8Array.from([0xff, ...printable]), 'all.txt')
    expect(text).toHaveLength(printable.length + 1)
    expect(text).not.toMatch(/[\u0080-\u009f]/)
  })

  it.each([
    ['empty', new Uint8Array(0), 'empty_file'],
    ['white space', bytes(' \r\n\t\u00a0'), 'empty_file'],
    ['a UTF-16 BOM only', Uint8Array.from([0xff, 0xfe]), 'empty_file'],
    ['NUL bytes', bytes('ab', [0], 'c'), 'binary_file'],
    ['a NUL character in UTF-16', Uint8Array.from([0xff, 0xfe, 0x41, 0, 0, 0]), 'binary_file']
  ])('refuses %s with a message naming the file', (_label, input, code) => {
    const err = caughtDossierError(() => decodeBytes(input, 'My File.txt'))
    expect(err.code).toBe(code)
    expect(err.message.startsWith('My File.txt: ')).toBe(true)
  })

  it('refuses files over 50 MB before decoding them', () => {
    const err = caughtDossierError(() => decodeBytes(new Uint8Array(50 * 1024 * 1024 + 1), 'huge.txt'))
    expect(err.code).toBe('too_large')
    expect(err.message).toContain('huge.txt')
  })

  it('returns any text without NUL exactly as it was encoded in UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }), (text) => {
        fc.pre(!text.includes('\u0000') && text.trim() !== '' && !text.startsWith('\ufeff'))
        expect(decodeBytes(new TextEncoder().encode(text), 'p.txt')).toBe(text)
      }),
      { numRuns: 300 }
    )
  })
})
