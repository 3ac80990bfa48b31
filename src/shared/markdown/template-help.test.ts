import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_CONTEXT } from './export-template'
import { TEMPLATE_HELP } from './template-help'

const DOC = readFileSync(resolve(import.meta.dirname, '../../../docs/export-template.md'), 'utf8')

describe('the template help shown in the app', () => {
  it('names only fields and helpers that exist, each documented in docs/export-template.md', () => {
    const names = TEMPLATE_HELP.flatMap((entry) => [...entry.name.matchAll(/\{\{[#/]?([\w.]+)/g)].map((m) => m[1]!))
    const fields = new Set([...Object.keys(SAMPLE_CONTEXT), ...Object.keys(SAMPLE_CONTEXT.highlights[0]!), 'raw.title', 'raw.quote'])
    const helpers = new Set(['blockquote', 'escape', 'yaml', 'join', 'if', 'unless', 'each', 'with'])
    for (const name of names) {
      expect(fields.has(name) || helpers.has(name), name).toBe(true)
      expect(DOC, name).toContain(name.startsWith('raw.') ? 'raw.' : name)
    }
    expect(names).toEqual(expect.arrayContaining(['frontMatter', 'title', 'notebook', 'each', 'quote', 'note', 'blockId']))
  })
})
