import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { failing, scan, summarize } from './electronegativity.mjs'

interface Finding {
  id: string
  severity: string
  file: string
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-electronegativity-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))


describe('scripts/electronegativity.mjs', () => {
  it('fails an insecure window and passes a justified exception, offline', async () => {
    writeFileSync(
      join(dir, 'main.js'),
      [
        "const { BrowserWindow, shell } = require('electron')",
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })',
        'function open(url) { shell.openExternal(url) }',
        'function openChecked(url) { shell.openExternal(url) } // eng-disable OPEN_EXTERNAL_JS_CHECK',
        'module.exports = { open, openChecked }'
      ].join('\n')
    )
    const result = await scan(dir)
    const findings = summarize(result.issues, dir) as Finding[]
    const bad = failing(findings) as Finding[]
    const ids = bad.map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']))
    // The exception silences exactly the line it sits on.
    expect(bad.filter((f) => f.id === 'OPEN_EXTERNAL_JS_CHECK')).toHaveLength(1)
    expect(bad.every((f) => ['HIGH', 'MEDIUM'].includes(f.severity))).toBe(true)
  })
})
