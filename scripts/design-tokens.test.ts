import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../src/renderer/src')
/** Only the token sheet names colours; everything else refers to its roles. */
const TOKENS = join(ROOT, 'ui', 'tokens.css')
const LITERAL = /#[0-9a-f]{3,8}\b(?![-\w])|\b(?:rgba?|hsla?|oklch|lab|lch)\(/i

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(css|tsx)$/.test(e.name) ? [join(dir, e.name)] : []
  )
}

describe('design tokens', () => {
  it('no stylesheet or component but the token sheet writes a colour literal', () => {
    const offenders: string[] = []
    for (const file of files(ROOT)) {
      if (file === TOKENS) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Ids and anchors (`#root`, `href="#…"`) are not colours: only look at values.
          const value = line.replace(/(['"`])#[\w-]*\1/g, '')
          if (LITERAL.test(value) && !/^\s*(\/\/|\*|\/\*)/.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(offenders).toEqual([])
  })

  // Issue 21: a stylesheet cannot be translated. Words a rule draws come from the catalogs, set
  // on the element as custom properties (i18n/css-labels.ts) or attributes: `content: var(--label)`.
  it('no stylesheet draws words of its own with content', () => {
    const offenders: string[] = []
    for (const file of files(ROOT).filter((f) => f.endsWith('.css'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/content:\s*([^;}]*)/g)) if (/(['"])[^'"]*\p{L}[^'"]*\1/u.test(m[1]!)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${m[0]}`)
        })
    }
    expect(offenders).toEqual([])
  })

  it('the token sheet gives every colour role a forced-colors value', () => {
    const css = readFileSync(TOKENS, 'utf8')
    const [main, forced] = css.split('@media (forced-colors: active)')
    const roles = [...main!.matchAll(/(--color-[\w-]+):/g)].map((m) => m[1])
    for (const role of new Set(roles)) expect(forced, role).toContain(`${role}:`)
  })

  it('the font stacks are the platform’s own and name a face for Arabic, Hebrew and Devanagari on macOS, Windows and Linux', () => {
    const sheets = files(ROOT).filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8'))
    // Nothing downloads a font: no @font-face, no url() in a font declaration.
    for (const css of sheets) expect(css).not.toMatch(/@font-face|font[^;{}]*url\(/i)
    const css = readFileSync(TOKENS, 'utf8')
    const stack = (name: string) => css.match(new RegExp(`${name}:([^;]+);`))?.[1] ?? ''
    const scripts = { Arabic: ['Noto Sans Arabic', 'Geeza Pro'], Hebrew: ['Noto Sans Hebrew', 'Arial Hebrew'], Devanagari: ['Noto Sans Devanagari', 'Kohinoor Devanagari', 'Nirmala UI'] }
    for (const [script, faces] of Object.entries(scripts)) for (const face of faces) expect(stack('--font-scripts-sans'), script).toContain(face)
    for (const token of ['--font-ui', '--font-reading']) expect(stack(token)).toMatch(/var\(--font-scripts-(sans|serif)\)/)
    // Windows' Segoe UI and Times New Roman carry Arabic and Hebrew themselves.
    expect(stack('--font-ui')).toContain('Segoe UI')
    expect(stack('--font-reading')).toContain('Times New Roman')
  })
})
