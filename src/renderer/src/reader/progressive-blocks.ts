import { useEffect, useMemo, useState } from 'react'

/** About three screenfuls of text at the reader's measure: what the first paint draws. */
export const FIRST_CHARS = 12_000
/** What each later step adds: small enough that a keystroke or click meanwhile waits little. */
export const STEP_CHARS = 50_000

/**
 * How many blocks, from `from`, hold `chars` characters of text: at least one, so a step always
 * advances, and never past the end.
 */
export function blocksWithin(lengths: readonly number[], from: number, chars: number): number {
  let end = from
  let total = 0
  while (end < lengths.length && (end === from || total < chars)) total += lengths[end++]!
  return end
}

/**
 * How many of an article's blocks (or any list's items, by their `lengths`) to draw now. A long
 * article is not built in one task: the first screenfuls are drawn at once, the rest a step per
 * frame after the first paint (decision 0038). Another `key` (another article) starts again from
 * its top; new lengths under the same key (a block removed, a highlight added) keep what is drawn,
 * so the page does not shrink under the reader's eyes.
 * `paused` holds what is drawn (a hidden list need not be built while something else paints).
 */
export function useProgressiveCount(key: string, lengths: readonly number[], firstChars = FIRST_CHARS, stepChars = STEP_CHARS, paused = false): number {
  const first = useMemo(() => blocksWithin(lengths, 0, firstChars), [lengths, firstChars])
  const [progress, setProgress] = useState<{ key: string; count: number } | null>(null)
  const count = Math.min(lengths.length, progress?.key === key ? Math.max(progress.count, first) : first)
  useEffect(() => {
    if (paused || count >= lengths.length) return
    // After the frame that shows what is drawn so far: a task queued from rAF runs after paint.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setProgress({ key, count: blocksWithin(lengths, count, stepChars) }), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [key, lengths, count, stepChars, paused])
  return count
}

/** Whether the reader is still drawing an article's later blocks (set on its text while it does). */
export function readerStillDrawing(): boolean {
  return document.querySelector('[data-testid="reader-text"][data-drawing]') !== null
}
