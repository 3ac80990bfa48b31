import { describe, expect, it } from 'vitest'
import { keyInteractions, medianSplit, percentile, tracedEvents } from './event-timing'

/** A Chromium trace's EventTiming pair, as DevTools writes it: the figures ride on the begin. */
function timing(data: Record<string, unknown>) {
  return [
    { name: 'EventTiming', ph: 'b', cat: 'devtools.timeline', id: '0x1', args: { data } },
    { name: 'EventTiming', ph: 'e', cat: 'devtools.timeline', id: '0x1', args: {} }
  ]
}

// One key press, as Chromium traced it: keydown 100.0 → handlers 101.0–108.0, frame committed at
// 112.0, presented at 100 + 15 = 115; its keypress (same interaction) ran 108.25–110.25 and was
// presented with the same frame; its keyup is a separate, short event of the same interaction.
const trace = {
  traceEvents: [
    { name: 'RunTask', ph: 'X', ts: 1, dur: 2 },
    ...timing({ type: 'keydown', interactionId: 7, timeStamp: 100, processingStart: 101, processingEnd: 108, commitFinishTime: 112, duration: 15 }),
    ...timing({ type: 'keypress', interactionId: 7, timeStamp: 100.1, processingStart: 108.25, processingEnd: 110.25, commitFinishTime: 112, duration: 14.9 }),
    ...timing({ type: 'keyup', interactionId: 7, timeStamp: 140, processingStart: 140.5, processingEnd: 141, duration: 4 }),
    // An arrow key in between, not measured.
    ...timing({ type: 'keydown', interactionId: 8, timeStamp: 200, processingStart: 200.5, processingEnd: 230, commitFinishTime: 240, duration: 48 }),
    ...timing({ type: 'keydown', interactionId: 9, timeStamp: 300, processingStart: 306, processingEnd: 309, commitFinishTime: 311, duration: 12 }),
    // A pointer event without an interaction.
    ...timing({ type: 'pointermove', interactionId: 0, timeStamp: 301, processingStart: 302, processingEnd: 303, duration: 20 })
  ]
}

describe('event timing from a Chromium trace', () => {
  it('reads every EventTiming begin record with its figures', () => {
    const events = tracedEvents(trace)
    expect(events.map((e) => e.type)).toEqual(['keydown', 'keypress', 'keyup', 'keydown', 'keydown', 'pointermove'])
    expect(events[0]).toEqual({ type: 'keydown', interactionId: 7, timeStamp: 100, processingStart: 101, processingEnd: 108, commitFinishTime: 112, duration: 15 })
  })

  it('splits the measured keys only, each by its longest event, handlers summed over the events its frame painted', () => {
    // The page saw the keydowns at 100.04 and 300.0 (its clock is coarser); the arrow at 200 is left out.
    const splits = keyInteractions(tracedEvents(trace), [100.04, 300])
    expect(splits).toEqual([
      // 1 ms waiting, 7 + 2 ms of handlers, 108 → 112 to the committed frame, 112 → 115 presented.
      { interactionId: 7, start: 100, duration: 15, inputDelay: 1, processing: 9, rendering: 4, presentation: 3 },
      // The main thread was busy for 6 ms before the handlers could run.
      { interactionId: 9, start: 300, duration: 12, inputDelay: 6, processing: 3, rendering: 2, presentation: 1 }
    ])
  })

  it("keeps one frame's records when asked: two pages' clocks can give the same timeStamp", () => {
    const twoPages = {
      traceEvents: [
        ...timing({ type: 'keydown', interactionId: 3, timeStamp: 500, processingStart: 501, processingEnd: 502, commitFinishTime: 503, duration: 9, frame: 'APP' }),
        ...timing({ type: 'keydown', interactionId: 3, timeStamp: 500.05, processingStart: 500.5, processingEnd: 501, commitFinishTime: 502, duration: 4, frame: 'BARE' })
      ]
    }
    expect(tracedEvents(twoPages)).toHaveLength(2)
    expect(keyInteractions(tracedEvents(twoPages, 'BARE'), [500]).map((s) => s.duration)).toEqual([4])
    expect(keyInteractions(tracedEvents(twoPages, 'APP'), [500]).map((s) => s.duration)).toEqual([9])
  })

  it('skips a key the trace does not hold rather than guess', () => {
    expect(keyInteractions(tracedEvents(trace), [150, 100])).toHaveLength(1)
  })

  it('refuses what is not a trace, saying so', () => {
    expect(() => tracedEvents({ nothing: true })).toThrow(/not a Chromium trace/)
  })

  it('takes nearest-rank percentiles and medians of each part', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 95)).toBe(95)
    expect(percentile([3, 1, 2], 50)).toBe(2)
    expect(percentile([], 95)).toBeNaN()
    const splits = keyInteractions(tracedEvents(trace), [100, 300])
    expect(medianSplit(splits)).toEqual({ duration: 12, inputDelay: 1, processing: 3, rendering: 2, presentation: 1 })
  })
})
