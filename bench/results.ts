/** One measured number, as bench/results.json lists them. */
export interface Result {
  group: string
  name: string
  value: number
  unit: string
  /** The comparison value in the same unit, or null when the row has none. */
  baseline: number | null
  /** How many times better than the baseline: value / baseline for rates and shares, baseline / value for times. */
  ratio: number | null
  /** The target, in words ("≥2× baseline", "≤50 ms"), or null. */
  goal: string | null
}

export interface BenchContext {
  root: string
  outDir: string
  log(line: string): void
}

export type Group = (ctx: BenchContext) => Promise<Result[]>

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function row(group: string, name: string, value: number, unit: string, extra: Partial<Pick<Result, 'baseline' | 'goal'>> = {}): Result {
  const baseline = extra.baseline ?? null
  const time = unit === 'ms' || unit.startsWith('ms/')
  const ratio = baseline ? (time ? baseline / value : value / baseline) : null
  return { group, name, value, unit, baseline, ratio, goal: extra.goal ?? null }
}
