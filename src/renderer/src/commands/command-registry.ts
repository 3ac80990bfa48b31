import { useLayoutEffect, useRef } from 'react'
import type { CommandId } from '../../../shared/commands'

/** Carries a command out; false when it does not apply now (no article open, no highlight selected). */
export type CommandHandler = () => boolean | void

/**
 * Who carries out each command of the table (src/shared/commands.ts): the component that owns the
 * state registers its handler while it is mounted (the notebook its Insert quote, the shell its
 * dialogs), and the palette, the toolbar and the menu events run commands by id alone.
 */
const handlers = new Map<CommandId, { current: CommandHandler }>()

export function useCommand(id: CommandId, handler: CommandHandler): void {
  const ref = useRef(handler)
  // Layout effects, not passive ones: a key pressed in the moment between a render's commit and its
  // passive effects (Ctrl+Alt+A right after H made a highlight) ran the handler of the render
  // before, with the highlight selected before it.
  useLayoutEffect(() => {
    ref.current = handler
  })
  useLayoutEffect(() => {
    handlers.set(id, ref)
    return () => {
      if (handlers.get(id) === ref) handlers.delete(id)
    }
  }, [id])
}

/** Registers several at once: `useCommands({ 'file.export': openExport, … })`. */
export function useCommands(table: Partial<Record<CommandId, CommandHandler>>): void {
  const ref = useRef(table)
  // As useCommand's: current from the commit on.
  useLayoutEffect(() => {
    ref.current = table
  })
  const ids = Object.keys(table).sort().join(' ')
  useLayoutEffect(() => {
    const entries = ids.split(' ').filter(Boolean) as CommandId[]
    const refs = entries.map((id) => {
      const entry = { current: () => ref.current[id]?.() }
      handlers.set(id, entry)
      return [id, entry] as const
    })
    return () => {
      for (const [id, entry] of refs) if (handlers.get(id) === entry) handlers.delete(id)
    }
  }, [ids])
}

/** Runs a command; false when nothing can carry it out now. */
export function runCommand(id: CommandId): boolean {
  const handler = handlers.get(id)
  if (!handler) return false
  return handler.current() !== false
}

export function canRun(id: CommandId): boolean {
  return handlers.has(id)
}
