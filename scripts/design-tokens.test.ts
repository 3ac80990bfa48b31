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

  it('the token sheet gives every colour role a forced-colors value', () => {
    const css = readFileSync(TOKENS, 'utf8')
    const [main, forced] = css.split('@media (forced-colors: active)')
    const roles = [...main!.matchAll(/(--color-[\w-]+):/g)].map((m) => m[1])
    for (const role of new Set(roles)) expect(forced, role).toContain(`${role}:`)
  })
})
