import type { KeyboardEvent, PointerEvent } from 'react'

interface Props {
  label: string
  value: number
  min: number
  max: number
  /** +1 when dragging right widens the pane (a pane on the left), -1 for a pane on the right. */
  direction: 1 | -1
  onChange(value: number): void
  testId?: string
}

const STEP = 16

/** A handle between two panes: drag it, or focus it and use the arrow keys (Home/End for the limits). */
export function Splitter({ label, value, min, max, direction, onChange, testId }: Props) {
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return
    event.preventDefault()
    const handle = event.currentTarget
    handle.setPointerCapture(event.pointerId)
    const startX = event.clientX
    const startValue = value
    const move = (e: globalThis.PointerEvent) => onChange(Math.min(max, Math.max(min, startValue + direction * (e.clientX - startX))))
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      handle.removeEventListener('pointercancel', up)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
    handle.addEventListener('pointercancel', up)
  }

  function onKeyDown(event: KeyboardEvent) {
    const keys: Record<string, number> = { ArrowLeft: -STEP * direction, ArrowRight: STEP * direction }
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
