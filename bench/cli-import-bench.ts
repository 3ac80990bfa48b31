import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bareReadability } from './bare-readability'
import { htmlArticle } from './corpus'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'import-cli'
const PAGES = Number(process.env.BENCH_CLI_PAGES ?? 1000)
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3)
const GOAL = '≥2× baseline'

/**
 * Runs the `dossier` command and resolves with its wall time in ms: bin/dossier.js (which builds
 * the CLI when its sources changed) or, for timed runs, the built CLI it then runs.
 */
function dossier(root: string, args: string[], script = join(root, 'out', 'main', 'cli.js')): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`dossier ${args[0]} exited ${code}: ${stderr.trim()}`))))
  })
}

/**
 * `dossier import` of a folder of generated news pages, as an analyst runs it (a new process, a
 * new library), against bare Readability on a new jsdom per page over the same pages, run by run
 * side by side, each in a fresh process, taking turns at going first. The CLI's time includes
 * starting Node, opening and creating the library, and storing every article; the baseline only
 * parses, and is timed over its loop alone.
 */
export async function cliImportGroup(ctx: BenchContext): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-bench-'))
  const pages = Array.from({ length: PAGES }, (_, i) => htmlArticle(i))
  const folder = join(dir, 'pages')
  mkdirSync(folder)
  for (const c of pages) writeFileSync(join(folder, c.name), c.html)
  ctx.log(`cli: ${PAGES} pages in ${folder}; ${RUNS} runs`)
  const baseline: number[] = []
  const cli: number[] = []
  try {
    // Untimed: builds the CLI if the sources changed, and warms the disk cache.
    const warm = join(dir, 'warm')
    mkdirSync(warm)
    writeFileSync(join(warm, 'a.html'), htmlArticle(PAGES).html)
    await dossier(ctx.root, ['import', '--db', join(dir, 'warm.sqlite'), '--json', warm], join(ctx.root, 'bin', 'dossier.js'))
    for (let run = 0; run < RUNS; run++) {
      const importRun = async () => PAGES / ((await dossier(ctx.root, ['import', '--db', join(dir, `run-${run}.sqlite`), '--json', folder])) / 1000)
      if (run % 2 === 0) {
        baseline.push((await bareReadability(ctx.outDir, folder)).perSecond)
        cli.push(await importRun())
      } else {
        cli.push(await importRun())
        baseline.push((await bareReadability(ctx.outDir, folder)).perSecond)
      }
      const count = execFileSync(process.execPath, [join(ctx.root, 'out', 'main', 'cli.js'), 'list', '--db', join(dir, `run-${run}.sqlite`), '--json'], { encoding: 'utf8' })
      const listed = JSON.parse(count) as { total?: number; items?: unknown[] } | unknown[]
      const total = Array.isArray(listed) ? listed.length : (listed.total ?? listed.items?.length ?? 0)
      if (total !== PAGES) throw new Error(`dossier import stored ${total} of ${PAGES} pages`)
      ctx.log(`cli run ${run + 1}${run % 2 ? ' (import first)' : ''}: baseline ${baseline.at(-1)!.toFixed(0)}/s, dossier import ${cli.at(-1)!.toFixed(0)}/s (${(PAGES / cli.at(-1)!).toFixed(1)} s)`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const base = median(baseline)
  return [
    row(GROUP, `html: bare Readability, new JSDOM per page, ${PAGES} pages (baseline of the CLI run)`, base, 'articles/s'),
    row(GROUP, `html: dossier import of ${PAGES} pages (new process, parse workers, stored)`, median(cli), 'articles/s', { baseline: base, goal: GOAL })
  ]
}
