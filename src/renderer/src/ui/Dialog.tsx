import * as RadixDialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'

interface Props {
  /** The dialog's heading (an h2) and its accessible name. */
  title: ReactNode
  /** Closing by Escape, a click outside, or a Close button: the owner unmounts the dialog. */
  onClose(): void
  className?: string
  testId?: string
  /** After closing, before focus goes back where it was: preventDefault() keeps it where it is. */
  onCloseAutoFocus?(event: Event): void
  children: ReactNode
}

/**
 * Every modal of the app: Radix gives it the focus trap, Escape, focus return, the inert
 * background and the dialog role by construction (docs/decisions/0016-workbench-shell.md). It is
 * open while mounted, so an owner shows it by rendering it and closes it by not rendering it.
 */
export function Dialog({ title, onClose, className, testId, onCloseAutoFocus, children }: Props) {
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className={`dialog${className ? ` ${className}` : ''}`} data-testid={testId} aria-describedby={undefined} onCloseAutoFocus={onCloseAutoFocus}>
          <RadixDialog.Title>{title}</RadixDialog.Title>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
