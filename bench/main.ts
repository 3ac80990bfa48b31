import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { achRatingBench } from './ach-bench'
import { briefExportBench } from './brief-export-bench'
import { analysisGroup } from './analysis-bench'
import { anchoringGroup } from './anchoring-bench'
import { entitiesGroup } from './entities-bench'
import { exportGroup } from './export-bench'
import { cliImportGroup } from './cli-import-bench'
import { documentsGroup } from './documents-bench'
import { importGroup } from './import-bench'
import { importHostileGroup } from './import-hostile-bench'
import { libraryGroup, searchGroup } from './search-bench'
import { uiGroup } from './ui-bench'
import type { Group, Result } from './results'

/** Groups by name; `npm run bench` runs them all, `npm run bench -- import` one. */
const GROUPS: Record<string, Group> = {
  analysis: analysisGroup,
  import: importGroup,
  'import-hostile': importHostileGroup,
  /** Also run by `import`; alone, just `dossier import` against its baseline. */
  'import-cli': cliImportGroup,
  anchoring: anchoringGroup,
  export: exportGroup,
  search: searchGroup,
  library: libraryGroup,
  entities: entitiesGroup,
  documents: documentsGroup,
  /** Chromium against the built web mode (built first if stale). */
  ui: uiGroup,
  /** Issue 20: the brief's exports in Node (brief-export-bench.ts), then the hypotheses matrix in Chromium (ach-bench.ts). */
  /** BENCH_BRIEF=export or =ach runs one half. */
  brief: async (ctx) => [
    ...(process.env.BENCH_BRIEF === 'ach' ? [] : await briefExportBench(ctx)),
    ...(process.env.BENCH_BRIEF === 'export' ? [] : await achRatingBench(ctx))
  ]
}

export async function main({ groups, root, outDir }: { groups: string[]; root: string; outDir: string }): Promise<void> {
  const unknown = groups.filter((g) => !GROUPS[g])
  if (unknown.length) throw new Error(`unknown bench group ${unknown.join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}`)
  const results: Result[] = []
  // The app's parse workers are unref()'d so they never hold a process open; this timer does,
  // or Node would exit while a group awaits a worker's reply.
  const keepAlive = setInterval(() => undefined, 1000)
  for (const name of groups.length ? groups : Object.keys(GROUPS)) {
    const started = Date.now()
    console.log(`\n▶ ${name}`)
    results.push(...(await GROUPS[name]!({ root, outDir, log: (line) => console.log(`  ${line}`) })))
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  clearInterval(keepAlive)
  printTable(results)
  const path = join(root, 'bench', 'results.json')
  // Running one group replaces that group's rows and keeps the others from earlier runs.
  const ran = new Set(results.map((r) => r.group))
  const kept = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Result[]).filter((r) => !ran.has(r.group)) : []
  writeFileSync(path, `${JSON.stringify([...kept, ...results], null, 2)}\n`)
  console.log(`\nwrote ${path}`)
}

function fmt(n: number | null): string {
  if (n === null) return ''
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2)
}

function printTable(results: Result[]): void {
  const rows = results.map((r) => [r.group, r.name, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '' : `${fmt(r.ratio)}×`, r.goal ?? ''])
  const head = ['group', 'name', 'value', 'unit', 'baseline', 'ratio', 'goal']
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)))
  const line = (cells: string[]) => cells.map((c, k) => (k === 2 || k === 4 || k === 5 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ')
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const r of rows) console.log(line(r))
}
