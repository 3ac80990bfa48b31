import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../src/main/services/create-services'
import { HOSTILE_SHAPES } from '../test/support/hostile-shapes'
import { htmlArticle } from './corpus'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'import-hostile'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const GOAL = '≤2000 ms (imported or refused)'

const utf8 = (s: string) => new TextEncoder().encode(s)

/**
 * Group "import-hostile": each shape of test/support/hostile-shapes.ts imported on its own
 * into a temporary library, parsing on the calling thread as the CLI does, RUNS times; the
 * median time and what became of the file. Baseline: an ordinary 14 KB news page from the
 * import corpus, imported the same way in the same runs.
 */
export async function importHostileGroup(ctx: BenchContext): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-hostile-'))
  ctx.log(`load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`)
  const times = new Map<string, number[]>()
  // CPU time beside wall time: on a machine shared by other work, wall time measures the queue.
  const cpuTimes = new Map<string, number[]>()
  const outcome = new Map<string, string>()
  const files = [{ name: 'ordinary news page.html', bytes: utf8(htmlArticle(1).html) }, ...HOSTILE_SHAPES.map((s) => ({ name: s.name, bytes: utf8(s.make()) }))]
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh library per run, so no file is a duplicate of its own earlier run.
      const services = createServices({ dbPath: join(dir, `run-${run}.sqlite`), shell: 'web', version: 'bench', defaultExportDir: dir })
      try {
        for (const file of files) {
          const t = performance.now()
          const c = process.cpuUsage()
          const result = await services.articles.importFile(file.name, file.bytes)
          const ms = performance.now() - t
          const used = process.cpuUsage(c)
          const cpu = (used.user + used.system) / 1000
          times.set(file.name, [...(times.get(file.name) ?? []), ms])
          cpuTimes.set(file.name, [...(cpuTimes.get(file.name) ?? []), cpu])
          outcome.set(file.name, result.status === 'rejected' ? `refused: ${result.message}` : result.status)
          ctx.log(`run ${run + 1}: ${file.name} (${(file.bytes.length / 1024).toFixed(0)} KB) ${ms.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms), ${outcome.get(file.name)}`)
        }
      } finally {
        await services.close()
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const base = median(times.get(files[0]!.name)!)
  const baseCpu = median(cpuTimes.get(files[0]!.name)!)
  return [
    row(GROUP, 'ordinary 14 KB news page (baseline)', base, 'ms'),
    row(GROUP, 'ordinary 14 KB news page (baseline), CPU time', baseCpu, 'ms'),
    ...HOSTILE_SHAPES.flatMap((s) => [
      row(GROUP, `${s.name}: ${outcome.get(s.name)}`, median(times.get(s.name)!), 'ms', { goal: GOAL }),
      row(GROUP, `${s.name}, CPU time`, median(cpuTimes.get(s.name)!), 'ms')
    ])
  ]
}
