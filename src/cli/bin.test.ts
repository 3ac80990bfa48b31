import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FileReport } from './commands/import-command'

/** End to end: the real `dossier` command, built by electron-vite and started by bin/dossier.js. */
const root = resolve(__dirname, '..', '..')
const builtCli = join(root, 'out', 'main', 'cli.js')
/** The sources the CLI bundle is made from; the build is redone when any is newer than it. */
const CLI_SOURCES = ['src/cli', 'src/main', 'src/shared'].map((d) => join(root, d))

let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-bin-'))
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource()) return
  const build = await runNode([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
  if (build.code !== 0 || !existsSync(builtCli)) {
    throw new Error(`"electron-vite build" failed (exit ${build.code}):\n${(build.stdout + build.stderr).slice(-3000)}`)
  }
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('bin/dossier.js', () => {
  it('imports a folder into a fresh database and lists it, as a separate Node process', async () => {
    const notes = join(dir, 'notes')
    mkdirSync(join(notes, 'nested'), { recursive: true })
    writeFileSync(join(notes, 'one.txt'), 'First memo\n\nThe harbour reopened on Monday.\n')
    writeFileSync(join(notes, 'nested', 'two.md'), '# Second memo\n\nFreight rates fell.\n')
    writeFileSync(join(notes, 'blank.txt'), '   \n')
    const db = join(dir, 'lib', 'dossier.sqlite')

    const imported = await runNode([join(root, 'bin', 'dossier.js'), 'import', notes, '--db', db, '--json'])
    expect(imported.stderr).toBe('dossier: 1 of 3 files was rejected.\n')
    expect(imported.code).toBe(1)
    const reports = JSON.parse(imported.stdout) as FileReport[]
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      [join(notes, 'blank.txt'), 'rejected'],
      [join(notes, 'nested', 'two.md'), 'imported'],
      [join(notes, 'one.txt'), 'imported']
    ])

    const listed = await runNode([join(root, 'bin', 'dossier.js'), 'list', '--db', db, '--json'])
    expect({ code: listed.code, stderr: listed.stderr }).toEqual({ code: 0, stderr: '' })
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(2)
  })
})

function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // A clean environment apart from PATH and HOME: DOSSIER_DB from the developer's shell must not leak in.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') }
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

function newestSource(): number {
  let newest = 0
  const visit = (path: string) => {
    const stats = statSync(path)
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    else if (!/\.test\.tsx?$/.test(path)) newest = Math.max(newest, stats.mtimeMs)
  }
  for (const dir of CLI_SOURCES) if (existsSync(dir)) visit(dir)
  return newest
}

