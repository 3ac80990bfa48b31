import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeFileStem, uniqueFileName } from './file-name'

const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length

/** Titles as they arrive: punctuation, dots, device names, control characters, long runs. */
const title = fc.oneof(
  fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('/', '\\', ':', '*', '?', '"', '<', '>', '|', '.', ' ', '\t', '\u0000', '\u001f', '\u0085', '\u007f') },
      { weight: 2, arbitrary: fc.constantFrom('\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200d', '\u200e', '\u061c', '\ufeff', '\u2060', '\u00ad') },
      { weight: 3, arbitrary: fc.constantFrom('a', 'CON', 'nul', 'Lpt1', 'com²', '報', '🧊', '\ud83d', 'e\u0301') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) }
    ),
    maxLength: 200
  }),
  fc.constantFrom('CON', 'con.txt', 'AUX .md', 'nul.', 'COM1', 'lpt9.tar.gz', '.hidden', '..', '   ')
)

describe('safeFileStem', () => {
  it.each([
    ['../../etc/passwd', 'etc passwd'],
    ['a:b*c?', 'a b c'],
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['...', 'Untitled'],
    ['', 'Untitled'],
    ['Report.', 'Report'],
    ['console', 'console'],
    // Bidirectional overrides would show this as "evil‮txt.exe.md", and zero-width characters hide in names.
    ['\u202eevil\u202dtxt.exe', 'eviltxt.exe'],
    ['Re\u200bport\u2060 \ufeffdraft\u200d', 'Report draft'],
    ['\u2067Isolated\u2069 \u200eLRM\u200f', 'Isolated LRM'],
    ['\u202e', 'Untitled']
  ])('turns %j into %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected)
  })

  it('keeps long titles within 120 characters and 200 UTF-8 bytes, without splitting a character', () => {
    expect(safeFileStem('x'.repeat(300))).toBe('x'.repeat(120))
    expect(utf8Bytes(safeFileStem('報'.repeat(300)))).toBeLessThanOrEqual(200)
    expect(safeFileStem('🧊'.repeat(300))).toBe('🧊'.repeat(50))
  })

  it('yields a portable, non-empty name that is no device and cannot climb out of the folder', () => {
    fc.assert(
      fc.property(title, (t) => {
        const stem = safeFileStem(t)
        expect(stem.length).toBeGreaterThan(0)
        expect(stem.length).toBeLessThanOrEqual(120)
        expect(utf8Bytes(stem)).toBeLessThanOrEqual(200)
        // eslint-disable-next-line no-control-regex
        expect(stem).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/)
        expect(stem).not.toMatch(/[. ]$/)
        expect(stem).not.toMatch(/^[. ]/)
        // Nothing invisible: no bidirectional controls, zero-width or other format characters.
        expect(stem).not.toMatch(/\p{Cf}/u)
        // Windows reads the device name before the first dot, ignoring trailing spaces.
        expect(stem.split('.')[0]!.trimEnd()).not.toMatch(RESERVED_DEVICE)
        expect(`${stem}.md`.split('.')[0]!.trimEnd()).not.toMatch(RESERVED_DEVICE)
        // No lone surrogate: the name encodes to UTF-8 and back unchanged.
        expect(new TextDecoder().decode(new TextEncoder().encode(stem))).toBe(stem)
        expect(safeFileStem(stem)).toBe(stem)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('uniqueFileName', () => {
  it('numbers repeats, ignoring case as Windows and macOS do', () => {
    const taken = new Set<string>()
    expect(['Brief', 'Brief', 'BRIEF', 'Other'].map((s) => uniqueFileName(s, taken))).toEqual([
      'Brief.md',
      'Brief (2).md',
      'BRIEF (3).md',
      'Other.md'
    ])
  })

  it('never hands out one name twice', () => {
    fc.assert(
      fc.property(fc.array(title, { maxLength: 30 }), (titles) => {
        const taken = new Set<string>()
        const names = titles.map((t) => uniqueFileName(safeFileStem(t), taken))
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
      }),
      { numRuns: 200 }
    )
  })
})
