import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCrashChild, type CrashChild } from './build-child'
import { Acknowledged, checkLibrary, type LibraryExpectations } from './crash-check'
import { writeOldLibrary } from './old-library'

export interface HarnessOptions {
  kills: number
  /** Children killed on one library before the next starts, fresh or old. */
  killsPerLibrary?: number
  /** Children run side by side, each on its own library. */
  lanes?: number
  /** Most kills come at a random moment up to this long after the child opened the library. */
  windowMs?: number
  /** The share of kills aimed instead at start-up: opening, upgrading and backing up an old library. */
  startupShare?: number
  /** The Lexical state every autosave writes, with NOTE_TEXT_PLACEHOLDER for its words. */
  noteTemplate: string
  seed?: number
  log?: (line: string) => void
}

export interface HarnessReport {
  kills: number
  elapsedMs: number
  snapshot: boolean
  /** What the children were doing when killed: open (and upgrade), import, backup, work… */
  killedDuring: Record<string, number>
  acknowledged: { notes: number; imports: number; highlights: number; backups: number }
  problems: string[]
}

/**
 * The kill -9 harness. Children run the real services on real files and are killed with SIGKILL
 * at random moments; after every kill the library is reopened and checked against everything the
 * children acknowledged (crash-check.ts). Half of the libraries start as a schema-1 library, so
 * the upgrade and its backup are killed too.
 */
export async function runCrashHarness(options: HarnessOptions): Promise<HarnessReport> {
  const started = Date.now()
  const child = await buildCrashChild()
  const root = mkdtempSync(join(tmpdir(), 'dossier-crash-'))
  const template = join(root, 'schema-1.sqlite')
  const old = writeOldLibrary(template, options.noteTemplate)
  let rng = (options.seed ?? Date.now()) >>> 0 || 1
  const random = () => {
    rng ^= rng << 13
    rng ^= rng >>> 17
    rng ^= rng << 5
    return (rng >>> 0) / 0x1_0000_0000
  }
  options.log?.(`crash harness: seed ${options.seed ?? '(time)'}; children ${child.snapshot ? 'from a V8 snapshot' : 'from the bundle'}`)

  const report: HarnessReport = {
    kills: 0,
    elapsedMs: 0,
    snapshot: child.snapshot,
    killedDuring: {},
    acknowledged: { notes: 0, imports: 0, highlights: 0, backups: 0 },
    problems: []
  }
  const perLibrary = options.killsPerLibrary ?? 20
  let nextKill = 0
  let libraries = 0

  const lane = async () => {
    while (nextKill < options.kills && report.problems.length === 0) {
      const dir = join(root, `library-${libraries++}`)
      const fromOld = libraries % 2 === 1
      const dbPath = join(dir, 'dossier.sqlite')
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      const expect: LibraryExpectations = { dbPath, initialVersion: 0, initialArticles: [] }
      if (fromOld) {
        copyFileSync(template, dbPath)
        Object.assign(expect, { initialVersion: old.version, initialArticles: old.articleIds })
      }
      const acked = new Acknowledged()
      for (let k = 0; k < perLibrary && nextKill < options.kills && report.problems.length === 0; k++) {
        const killNo = nextKill++
        const output = await runAndKill(child, {
          dbPath,
          seqBase: (killNo + 1) * 1_000_000,
          seed: Math.floor(random() * 0xffffffff),
          noteTemplate: options.noteTemplate,
          ...(random() < (options.startupShare ?? 0.3)
            ? { after: 'first-line' as const, delayMs: random() * 80 }
            : { after: 'open' as const, delayMs: random() * (options.windowMs ?? 150) })
        })
        report.kills += 1
        const during = acked.record(output.stdout) ?? 'start-up'
        report.killedDuring[during] = (report.killedDuring[during] ?? 0) + 1
        if (output.exited !== 'killed') {
          report.problems.push(`kill ${killNo}: the child ${output.exited} before it was killed: ${output.stderr.slice(0, 500)}`)
          break
        }
        for (const problem of checkLibrary(expect, acked)) report.problems.push(`kill ${killNo} (${during}) in ${dbPath}: ${problem}`)
      }
      for (const kind of ['notes', 'imports', 'highlights', 'backups'] as const) report.acknowledged[kind] += acked.counts[kind]
      if (report.problems.length === 0) rmSync(dir, { recursive: true, force: true })
    }
  }
  try {
    await Promise.all(Array.from({ length: options.lanes ?? 2 }, lane))
  } finally {
    for (const file of child.files) rmSync(file, { force: true })
  }
  if (report.problems.length === 0) rmSync(root, { recursive: true, force: true })
  report.elapsedMs = Date.now() - started
  return report
}

interface RunOptions {
  dbPath: string
  seqBase: number
  seed: number
  noteTemplate: string
  /** Count the delay from the child's first line (its code is loaded) or from its open library. */
  after: 'first-line' | 'open'
  delayMs: number
}

/** A child that never opens the library (a lock, a bug) is killed anyway, and the check says why. */
const OPEN_TIMEOUT_MS = 15_000

/** Starts a child and SIGKILLs it `delayMs` after the moment `after` names. */
function runAndKill(child: CrashChild, run: RunOptions): Promise<{ stdout: string; stderr: string; exited: 'killed' | string }> {
  return new Promise((resolve, reject) => {
    const args = JSON.stringify({ dbPath: run.dbPath, seqBase: run.seqBase, seed: run.seed, noteTemplate: run.noteTemplate })
    const proc = spawn(process.execPath, child.nodeArgs, {
      env: { ...process.env, ...child.env, DOSSIER_CRASH_ARGS: args },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined = setTimeout(() => proc.kill('SIGKILL'), OPEN_TIMEOUT_MS)
    let armed = false
    proc.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s
      if (armed || (run.after === 'open' && !/^open /m.test(stdout))) return
      armed = true
      clearTimeout(timer)
      timer = setTimeout(() => proc.kill('SIGKILL'), run.delayMs)
    })
    proc.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    proc.on('error', reject)
    proc.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, exited: signal === 'SIGKILL' ? 'killed' : `exited with ${code ?? signal}` })
    })
  })
}
