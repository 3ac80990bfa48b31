import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'

/** The repository's root, where `bin/dossier.js` and `out/main/cli.js` live. */
export const ROOT = resolve(import.meta.dirname, '..', '..')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  /** HOME and XDG_CONFIG_HOME point here, so the developer's own settings never take part. */
  home: string
  env?: Record<string, string>
  /** Root ignores file permissions: run as nobody there, so a read-only file is read-only. */
  asNobody?: boolean
}

/**
 * Runs a Node script as a user runs it, in a clean environment apart from PATH and HOME:
 * DOSSIER_DB or a locale from the developer's shell must not leak in.
 */
export function runNode(args: string[], options: RunOptions): Promise<CliRun> {
  return new Promise((done, fail) => {
    const env = { PATH: process.env.PATH ?? '', HOME: options.home, XDG_CONFIG_HOME: join(options.home, 'config'), ...options.env }
    const nobody = options.asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...nobody })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** `dossier` (bin/dossier.js) bound to one library file, run from `dir`. */
export function dossierOn(db: string, dir: string, env: Record<string, string> = {}) {
  function dossier(...args: string[]): Promise<CliRun> {
    return runNode([join(ROOT, 'bin', 'dossier.js'), ...args, '--db', db], { cwd: dir, home: dir, env })
  }
  /** A command that must succeed: exit 0, nothing on stderr, JSON on stdout. */
  async function ok<T>(...args: string[]): Promise<T> {
    const r = await dossier(...args, '--json')
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
    return JSON.parse(r.stdout) as T
  }
  /** A command that must be refused: exit 1 and one line of reason, which is returned. */
  async function refused(...args: string[]): Promise<string> {
    const r = await dossier(...args)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/)
    return r.stderr
  }
  return { dossier, ok, refused }
}

export type DossierCli = ReturnType<typeof dossierOn>
