import type { KeyboardEvent, PointerEvent } from 'react'

interface Props {
  label: string
  value: number
  min: number
  max: number
  /**
   * +1 when dragging toward the inline end widens the pane (a pane at the start: the left in
   * English, the right in Arabic), -1 for a pane at the end. The handle reads the page's direction.
   */
  direction: 1 | -1
  onChange(value: number): void
  testId?: string
}

const STEP = 16

/** +1 when the inline axis runs left to right on screen, -1 in a right-to-left page. */
function inlineSign(el: Element): 1 | -1 {
  return getComputedStyle(el).direction === 'rtl' ? -1 : 1
}

/** A handle between two panes: drag it, or focus it and use the arrow keys (Home/End for the limits). */
export function Splitter({ label, value, min, max, direction, onChange, testId }: Props) {
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return
    event.preventDefault()
    const handle = event.currentTarget
    handle.setPointerCapture(event.pointerId)
    const startX = event.clientX
    const startValue = value
    const sign = direction * inlineSign(handle)
    const move = (e: globalThis.PointerEvent) => onChange(Math.min(max, Math.max(min, startValue + sign * (e.clientX - startX))))
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      handle.removeEventListener('pointercancel', up)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
    handle.addEventListener('pointercancel', up)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The arrows move the handle on screen: in a right-to-left page → moves toward the inline start.
    const sign = direction * inlineSign(event.currentTarget)
    const keys: Record<string, number> = { ArrowLeft: -STEP * sign, ArrowRight: STEP * sign }
    if (event.key in keys) onChange(Math.min(max, Math.max(min, value + keys[event.key]!)))
    else if (event.key === 'Home') onChange(min)
    else if (event.key === 'End') onChange(max)
    else return
    event.preventDefault()
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
