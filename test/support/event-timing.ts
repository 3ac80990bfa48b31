/**
 * Key-press latency as the browser itself measures it: the Event Timing API's duration, which
 * is what "interaction to next paint" (INP) is built from. An event's duration runs from its
 * timeStamp (when the browser received the input) to the presentation of the first frame painted
 * after its handlers ran; an interaction (a key's keydown, keypress and keyup share one
 * interactionId) counts its longest event.
 *
 * Pages can only observe entries of 16 ms or more (`durationThreshold`'s floor), rounded to 8 ms,
 * so a p95 over every key press is read from Chromium's trace, which records each event's
 * EventTiming with its exact figures. Pure: the benchmarks hand it the parsed trace.
 */

/** One EventTiming record of a Chromium trace (category devtools.timeline), in page time (ms). */
export interface TracedEvent {
  type: string
  interactionId: number
  timeStamp: number
  processingStart: number
  processingEnd: number
  duration: number
  /** When the frame that followed was committed on the main thread; absent when no frame followed. */
  commitFinishTime?: number
  /** The frame (DevTools' frame id) whose document saw the event: each page has its own clock. */
  frame?: string
}

/** Where one interaction's time went, from its longest event. */
export interface InteractionSplit {
  interactionId: number
  /** The keydown's timeStamp: what the page saw as `event.timeStamp`. */
  start: number
  /** The interaction's duration: its longest event's (INP's definition). */
  duration: number
  /** Input received → first handler started (the main thread was busy). */
  inputDelay: number
  /** The handlers of the interaction's events painted by that frame, summed (keydown, keypress, input: React, Lexical). */
  processing: number
  /** Handlers done → frame committed: waiting for the frame, then style, layout, paint, commit. */
  rendering: number
  /** Frame committed → presented (raster and display, off the main thread). */
  presentation: number
}

/**
 * The EventTiming records of a Chromium trace (the JSON DevTools writes); with `frame`, only that
 * frame's (a trace of two pages holds two clocks, and their timeStamps may coincide).
 */
export function tracedEvents(trace: unknown, frame?: string): TracedEvent[] {
  const list = Array.isArray(trace) ? trace : (trace as { traceEvents?: unknown[] } | null)?.traceEvents
  if (!Array.isArray(list)) throw new Error('event timing: not a Chromium trace (no traceEvents)')
  const out: TracedEvent[] = []
  for (const e of list as { name?: string; ph?: string; args?: { data?: Partial<TracedEvent> } }[]) {
    // Each record is an async pair; the begin ('b') carries the figures.
    if (e.name !== 'EventTiming' || e.ph !== 'b') continue
    const d = e.args?.data
    if (!d || typeof d.type !== 'string' || typeof d.timeStamp !== 'number' || typeof d.duration !== 'number') continue
    if (frame !== undefined && d.frame !== frame) continue
    out.push({
      type: d.type,
      interactionId: d.interactionId ?? 0,
      timeStamp: d.timeStamp,
      processingStart: d.processingStart ?? d.timeStamp,
      processingEnd: d.processingEnd ?? d.timeStamp,
      duration: d.duration,
      ...(typeof d.commitFinishTime === 'number' ? { commitFinishTime: d.commitFinishTime } : {}),
      ...(typeof d.frame === 'string' ? { frame: d.frame } : {})
    })
  }
  return out
}

/**
 * The interactions that began with a keydown at one of `keyTimes` (the pages' own `event.timeStamp`
 * of the keys being measured, so arrows and shortcuts around them are left out), each split.
 * A key with no traced keydown within `tolerance` ms is skipped; the caller compares counts.
 */
export function keyInteractions(events: readonly TracedEvent[], keyTimes: readonly number[], tolerance = 0.2): InteractionSplit[] {
  const byId = new Map<number, TracedEvent[]>()
  for (const e of events) {
    if (!e.interactionId) continue
    const list = byId.get(e.interactionId)
    if (list) list.push(e)
    else byId.set(e.interactionId, [e])
  }
  const keydowns = events.filter((e) => e.type === 'keydown' && e.interactionId)
  const out: InteractionSplit[] = []
  for (const t of keyTimes) {
    let best: TracedEvent | undefined
    for (const k of keydowns) if (Math.abs(k.timeStamp - t) <= tolerance && (!best || Math.abs(k.timeStamp - t) < Math.abs(best.timeStamp - t))) best = k
    if (!best) continue
    const members = byId.get(best.interactionId)!
    const longest = members.reduce((a, b) => (b.duration > a.duration ? b : a))
    const end = longest.timeStamp + longest.duration
    const committed = longest.commitFinishTime ?? end
    out.push({
      interactionId: best.interactionId,
      start: best.timeStamp,
      duration: longest.duration,
      inputDelay: Math.max(0, longest.processingStart - longest.timeStamp),
      // The keyup, handled after that frame, is its own wait for a paint and not part of this one.
      processing: members.filter((e) => e.processingEnd <= committed).reduce((sum, e) => sum + Math.max(0, e.processingEnd - e.processingStart), 0),
      rendering: Math.max(0, committed - longest.processingEnd),
      presentation: Math.max(0, end - committed)
    })
  }
  return out
}

/** The p-th percentile by the nearest-rank method (what the benchmarks' p95 rows use). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Medians of each part of the splits, for the benchmark's log line. */
export function medianSplit(splits: readonly InteractionSplit[]): Omit<InteractionSplit, 'interactionId' | 'start'> {
  const med = (pick: (s: InteractionSplit) => number) => percentile(splits.map(pick), 50)
  return {
    duration: med((s) => s.duration),
    inputDelay: med((s) => s.inputDelay),
    processing: med((s) => s.processing),
    rendering: med((s) => s.rendering),
    presentation: med((s) => s.presentation)
  }
}

/**
 * The init script the benchmarks add to their page: every keydown's timeStamp (`__keys`), the old
 * measure (keydown → a task queued from the next animation frame, `__frameLatencies`), and the Event
 * Timing API's own entries of 16 ms or more (`__slowEvents`), as a cross-check of the trace.
 * `keys` limits which keys are recorded (e.g. the rating keys), all when omitted.
 */
export function keyLatencyProbe(keys?: readonly string[]): string {
  return `
  window.__keys = [];
  window.__frameLatencies = [];
  window.__slowEvents = [];
  const measured = ${keys ? JSON.stringify(keys) : 'null'};
  document.addEventListener('keydown', (e) => {
    if (measured && !measured.includes(e.key)) return;
    const t0 = e.timeStamp;
    window.__keys.push(t0);
    requestAnimationFrame(() => setTimeout(() => window.__frameLatencies.push(performance.now() - t0), 0));
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__slowEvents.push({ type: e.name, id: e.interactionId, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`
}
