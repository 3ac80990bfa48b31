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

/**
 * The four rows of a key-latency goal (issues 16 and 20): Event Timing's p95 (the goal) and
 * median, then the earlier measure's p95 and median, each against the same baseline measured in
 * the same run.
 */
export function latencyRows(
  group: string,
  names: { p95: string; median: string; earlierP95: string; earlierMedian: string },
  eventTiming: { value: number[]; baseline: number[] },
  earlier: { value: number[]; baseline: number[] },
  percentile: (values: number[], p: number) => number
): Result[] {
  return [
    row(group, names.p95, percentile(eventTiming.value, 95), 'ms', { baseline: percentile(eventTiming.baseline, 95), goal: '≤16 ms' }),
    row(group, names.median, median(eventTiming.value), 'ms', { baseline: median(eventTiming.baseline) }),
    row(group, names.earlierP95, percentile(earlier.value, 95), 'ms', { baseline: percentile(earlier.baseline, 95) }),
    row(group, names.earlierMedian, median(earlier.value), 'ms', { baseline: median(earlier.baseline) })
  ]
}

/**
 * Two rows beside a key-latency goal: the app's small baseline (empty notebook, 10 × 2 matrix)
 * against a bare page with none of our code (bench/bare-page.ts), p95 and median: the browser's
 * own floor on this machine, and how far above it the app's lightest case sits.
 */
export function floorRows(
  group: string,
  names: { p95: string; median: string },
  durations: { value: number[]; bare: number[] },
  percentile: (values: number[], p: number) => number
): Result[] {
  return [
    row(group, names.p95, percentile(durations.value, 95), 'ms', { baseline: percentile(durations.bare, 95) }),
    row(group, names.median, median(durations.value), 'ms', { baseline: median(durations.bare) })
  ]
}
