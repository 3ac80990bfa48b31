/**
 * The background extraction as the desktop app's main process runs it, alone in a process of its
 * own (forked by entities-scale-bench.ts): it loads what main loads (createServices on the
 * library file, its parse workers), starts the library job and watches its own event loop. The
 * corpus is written to the file by the parent beforehand, so neither the generated texts nor
 * the bench's other groups (jsdom, pdf.js, compromise, the quality fixtures) sit in this heap:
 * in one process with them, the longest blocks were full collections of a ~100 MB heap that was
 * the harness's, not the app's.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { getHeapStatistics } from 'node:v8'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { createServices } from '../src/main/services/create-services'
import { EntityIndexer } from '../src/main/services/entities/entity-indexer'
import { workerParser } from '../src/main/services/import/file-parser'
import { monitorMainThread, type MainThreadReport } from './main-thread-monitor'

/** What the parent asks for (argv[2], JSON). */
export interface ExtractChildRequest {
  dbPath: string
  exportDir: string
  parseWorkerPath: string
  /** The baseline: the workers only analyse, each article is stored on main's connection. */
  storeOnMain: boolean
  /** Where to write the main thread's CPU profile, or null. */
  cpuProfile: string | null
}

/** What the child answers (process.send). */
export interface ExtractChildReport {
  done: number
  failed: number
  seconds: number
  mentions: number
  monitor: MainThreadReport
  gc: {
    /** Collections on the main thread during the job, by kind, and the longest pause of each. */
    major: GcKind
    minor: GcKind
    incremental: GcKind
  }
  /** V8's heap of this process (main's isolate; each worker has its own), in MB. */
  heapMb: { afterStart: number; peakUsed: number; peakTotal: number; atEnd: number }
}

interface GcKind {
  count: number
  longestMs: number
  /** When the longest began, in ms after the job started. */
  longestAtMs: number
}

const mb = (bytes: number) => bytes / 1_048_576

async function run(request: ExtractChildRequest): Promise<ExtractChildReport> {
  const services = createServices({ dbPath: request.dbPath, shell: 'web', version: 'bench', defaultExportDir: request.exportDir, parseWorkerPath: request.parseWorkerPath })
  const analysers = request.storeOnMain ? workerParser(request.parseWorkerPath) : null
  const indexer = analysers
    ? new EntityIndexer(services.db, (t, p, l) => analysers.analyse(t, p, l), { entities: services.entities, timeline: services.timeline, watch: services.watchList, jobs: services.jobs }, Math.max(1, analysers.concurrency >> 1))
    : services.entityIndexer
  const afterStart = mb(getHeapStatistics().used_heap_size)

  const none = (): GcKind => ({ count: 0, longestMs: 0, longestAtMs: 0 })
  const gc = { major: none(), minor: none(), incremental: none() }
  let jobStarted = performance.now()
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind
      const bucket =
        kind === constants.NODE_PERFORMANCE_GC_MAJOR ? gc.major : kind === constants.NODE_PERFORMANCE_GC_MINOR ? gc.minor : kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL ? gc.incremental : null
      if (!bucket) continue
      bucket.count++
      if (entry.duration > bucket.longestMs) Object.assign(bucket, { longestMs: entry.duration, longestAtMs: entry.startTime - jobStarted })
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  let peakUsed = afterStart
  let peakTotal = mb(getHeapStatistics().total_heap_size)
  const heapTimer = setInterval(() => {
    const h = getHeapStatistics()
    peakUsed = Math.max(peakUsed, mb(h.used_heap_size))
    peakTotal = Math.max(peakTotal, mb(h.total_heap_size))
  }, 100)

  const profiler = request.cpuProfile ? new Session() : null
  if (profiler) {
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.setSamplingInterval', { interval: 500 })
    await profiler.post('Profiler.start')
  }
  const monitor = monitorMainThread()
  const t0 = performance.now()
  jobStarted = t0
  const job = indexer.startLibrary(true)
  // The renderer polls the job's progress; so does this loop, on the same thread.
  let status = indexer.status(job.jobId)
  while (!status.finished) {
    await new Promise((r) => setTimeout(r, 50))
    status = indexer.status(job.jobId)
  }
  const seconds = (performance.now() - t0) / 1000
  const m = monitor.stop()
  clearInterval(heapTimer)
  observer.disconnect()
  if (profiler && request.cpuProfile) {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(request.cpuProfile, JSON.stringify(profile))
    profiler.disconnect()
  }
  const mentions = services.db.prepare('SELECT count(*) FROM entity_mentions').pluck().get() as number
  const atEnd = mb(getHeapStatistics().used_heap_size)
  await analysers?.close()
  await services.close()
  return { done: status.done, failed: status.failed, seconds, mentions, monitor: m, gc, heapMb: { afterStart, peakUsed, peakTotal, atEnd } }
}

const request = JSON.parse(process.argv[2] ?? '{}') as ExtractChildRequest
// The parse workers are unref()'d; this keeps the process up while the job awaits them.
const keepAlive = setInterval(() => undefined, 1000)
run(request).then(
  (report) => {
    clearInterval(keepAlive)
    process.send?.(report, () => process.exit(0))
  },
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
)
