import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** The rows of SECURITY.md's checklist table: number, item, and the test files named as proof. */
function checklistRows(): { n: number; item: string; proofs: string[] }[] {
  const section = read('SECURITY.md').split("## Electron's security checklist")[1]!.split('\n### ')[0]!
  return section
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split(' | ')
      return { n: Number(cells[0]!.slice(2)), item: cells[1]!, proofs: [...cells.at(-1)!.matchAll(/`([^`]+\.test\.ts)`/g)].map((m) => m[1]!) }
    })
}

describe("SECURITY.md's account of Electron's checklist", () => {
  it('covers all 20 items, in order', () => {
    expect(checklistRows().map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('names a test that exists for every item a test can prove', () => {
    for (const row of checklistRows()) {
      // Fuses are flipped in the packaged binary, which CI cannot build; the row says how to check them.
      if (row.n === 19) continue
      expect(row.proofs.length, `item ${row.n} ${row.item}`).toBeGreaterThan(0)
      for (const proof of row.proofs) expect(existsSync(join(ROOT, proof)), proof).toBe(true)
    }
  })
})

describe('item 16: a current Electron', () => {
  it('is pinned to one exact version, and that version is the one installed', () => {
    const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron!
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    const installed = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version
    expect(installed).toBe(pinned)
    // Electron supports its latest three majors; 45 was current when Dossier pinned it.
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45)
  })
})

describe('item 17: every IPC listener checks its sender', () => {
  /** Every non-test source file under src/main. */
  function sources(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) return sources(path)
      return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
    })
  }

  it('lets main listen on IPC only in files that pass each message through the sender check', () => {
    const listening = sources('src/main').filter((path) => /ipcMain\.(?:on|once|handle|handleOnce)\(/.test(read(path)))
    // The contract's handlers and the flush acknowledgement; a new listener must join this list knowingly.
    expect(listening.sort()).toEqual(['src/main/electron/close-flush.ts', 'src/main/electron/ipc.ts'])
    for (const path of listening) expect(read(path), path).toMatch(/isTrusted\(/)
  })
})
