import { useEffect, useState } from 'react'
import { afterPaint } from './after-paint'

/**
 * `value` as the screen may lag it by one frame: a change reaches the caller only once the frame
 * that follows it has been painted (`afterPaint`). For a part of the page that explains what a key
 * press changed, such as the matrix's score explanation below the grid: its render, layout and
 * paint then run after the key's own frame instead of holding it up. The first value is returned
 * at once; of several changes before a paint, the last one is shown.
 */
export function useAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(() => value)
  useEffect(() => {
    if (Object.is(settled, value)) return
    let live = true
    afterPaint(() => {
      if (live) setSettled(() => value)
    })
    return () => {
      live = false
    }
  }, [settled, value])
  return settled
}
