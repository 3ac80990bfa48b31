import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../src/main/services/create-services'
import { buildExportLibrary } from './export-library'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'export'
const ARTICLES = Number(process.env.BENCH_EXPORT_ARTICLES ?? 10_000)
const HIGHLIGHTS_PER_ARTICLE = 10
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 5)

/**
 * Markdown export of a whole library (10,000 articles, 100,000 highlights each with a note, a
 * notebook per article) into an empty folder, against a baseline that writes the very same
 * bytes to the same names with plain writeFileSync in this process. Runs alternate, and each
 * writes into a fresh folder, so both pay for creating files and neither gets a warmer cache.
 *
 * Twice: library and folders on this machine's disk, as an analyst has them, where the speed of
 * creating files drifts 10× from one minute to the next; and library and folders in memory
 * (tmpfs), where the raw write is steady and what is left is Dossier's own cost.
 */
export async function exportGroup(ctx: BenchContext): Promise<Result[]> {
  const root = mkdtempSync(join(tmpdir(), 'dossier-bench-export-'))
  const memory = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/dossier-bench-export-') : null
  const flusher = startFlusher()
  // The app's writer workers, as the Electron and web shells use them.
  const open = (dbPath: string) =>
    createServices({ dbPath, shell: 'web', version: 'bench', defaultExportDir: root, exportWriterPath: join(ctx.outDir, 'export-writer.mjs') })
  try {
    const library = join(root, 'library.sqlite')
    let services = open(library)
    let t = performance.now()
    buildExportLibrary(services.db, ARTICLES, HIGHLIGHTS_PER_ARTICLE)
    const buildMs = performance.now() - t
    ctx.log(`library: ${ARTICLES} articles, ${ARTICLES * HIGHLIGHTS_PER_ARTICLE} highlights and notes, built in ${(buildMs / 1000).toFixed(1)} s`)

    // One untimed export to learn the bytes the baseline must write (and to store the renders).
    const reference = await services.exporter.markdown(join(root, 'reference'))
    const files = reference.files.map((name) => ({ name, bytes: readFileSync(join(reference.outDir, name)) }))
    const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0)
    ctx.log(`${files.length} files, ${(totalBytes / 1e6).toFixed(1)} MB`)

    // Re-export over the same folder with nothing changed: every file is read and hashed, none written.
    const again: number[] = []
    for (let run = 0; run < RUNS; run++) {
      t = performance.now()
      const report = await services.exporter.markdown(reference.outDir)
      again.push(performance.now() - t)
      if (report.unchanged !== files.length) throw new Error(`re-export left ${report.unchanged} of ${files.length} unchanged`)
    }
    services.db.pragma('wal_checkpoint(TRUNCATE)')
    await services.close()

    const what = `${ARTICLES.toLocaleString('en')} articles, ${(ARTICLES * HIGHLIGHTS_PER_ARTICLE).toLocaleString('en')} highlights+notes`
    const results: Result[] = []
    for (const [where, base] of [['disk', root], ...(memory ? [['memory', memory]] : [])] as const) {
      const dbPath = join(base, 'measured.sqlite')
      copyFileSync(library, dbPath)
      services = open(dbPath)
      const exportInto = async (dir: string) => {
        mkdirSync(dir, { recursive: true })
        await flusher.flush(dir)
        const started = performance.now()
        const report = await services.exporter.markdown(dir)
        if (report.created !== files.length) throw new Error(`export wrote ${report.created} of ${files.length} files`)
        return performance.now() - started
      }
      const ours: number[] = []
      const cold: number[] = []
      const raw: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const rawDir = mkdtempSync(join(base, 'raw-'))
        await flusher.flush(rawDir)
        t = performance.now()
        for (const f of files) writeFileSync(join(rawDir, f.name), f.bytes)
        raw.push(performance.now() - t)
        // Articles unchanged since an earlier export: written from their stored renders (migration 014).
        ours.push(await exportInto(join(base, `ours-${run}`)))
        // Every article changed since (or never exported): each one read and rendered, and its render stored.
        services.db.exec('DELETE FROM export_renders')
        cold.push(await exportInto(join(base, `cold-${run}`)))
        ctx.log(`${where} run ${run + 1}: export ${ours.at(-1)!.toFixed(0)} ms, from scratch ${cold.at(-1)!.toFixed(0)} ms, raw fs ${raw.at(-1)!.toFixed(0)} ms`)
        for (const dir of [rawDir, join(base, `ours-${run}`), join(base, `cold-${run}`)]) rmSync(dir, { recursive: true, force: true })
      }
      await services.close()
      const rawMs = median(raw)
      // Ratios run by run, then their median: a run's export and its raw write, back to back, see the same disk.
      const warmRatio = median(ours.map((v, k) => v / raw[k]!))
      const coldRatio = median(cold.map((v, k) => v / raw[k]!))
      results.push(
        row(GROUP, `[${where}] export of ${what}, unchanged since an earlier export`, median(ours), 'ms', { goal: '≤10 s' }),
        // The ratio rows: how many times the raw write our export takes (lower is better).
        { group: GROUP, name: `[${where}] that / raw write (median of run ratios)`, value: warmRatio, unit: '×', baseline: rawMs, ratio: warmRatio, goal: '≤2×' },
        row(GROUP, `[${where}] export of ${what}, every article rendered afresh`, median(cold), 'ms', { goal: '≤10 s' }),
        { group: GROUP, name: `[${where}] that / raw write (median of run ratios)`, value: coldRatio, unit: '×', baseline: rawMs, ratio: coldRatio, goal: '≤2×' },
        row(GROUP, `[${where}] raw fs baseline: writeFileSync of the same bytes`, rawMs, 'ms')
      )
    }
    const [load1] = loadavg()
    ctx.log(`load average ${load1!.toFixed(2)} on ${cpus().length} cores`)
    return [
      ...results,
      row(GROUP, 'Re-export, nothing changed (read + hash every file, disk)', median(again), 'ms'),
      row(GROUP, 'Building the bench library (one transaction)', buildMs, 'ms')
    ]
  } finally {
    rmSync(root, { recursive: true, force: true })
    if (memory) rmSync(memory, { recursive: true, force: true })
    flusher.close()
  }
}

/**
 * Each timed write starts with nothing waiting to be written back to the destination's file
 * system: otherwise whichever runs second pays for the first one's 50 MB reaching the disk (the
 * kernel throttles writers once enough pages are dirty), and the disk rows measured the order more
 * than the code. Only that file system (`sync -f` on Linux): flushing everything made the
 * library's pages clean, and this VM's proactive reclaim then evicted them.
 *
 * `sync` runs in a small helper process started before the library is built: spawning it from
 * this process, with a gigabyte of heap, made every page it touched afterwards fault once
 * (copy-on-write after fork), which slowed the export that followed by half.
 */
function startFlusher(): { flush(dir: string): Promise<void>; close(): void } {
  const helper = spawn(
    process.execPath,
    [
      '-e',
      `const { execFileSync } = require('node:child_process')
       require('node:readline').createInterface({ input: process.stdin }).on('line', (dir) => {
         if (process.platform === 'linux') execFileSync('sync', ['-f', dir])
         else if (process.platform !== 'win32') execFileSync('sync')
         process.stdout.write('\\n')
       })`
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] }
  )
  const waiting: (() => void)[] = []
  helper.stdout.on('data', (chunk: Buffer) => {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) waiting.shift()?.()
  })
  return {
    flush: (dir) =>
      new Promise((resolve) => {
        waiting.push(resolve)
        helper.stdin.write(`${dir}\n`)
      }),
    close: () => helper.kill()
  }
}
