import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { Dialog } from './Dialog'

export interface ConfirmRequest {
  title: string
  /** What will happen, and what cannot be undone. */
  message: ReactNode
  /** The verb of the confirming button ("Empty Trash"), never a bare OK. */
  confirmLabel: string
  /** A destructive action: its button is drawn as such. */
  danger?: boolean
}

interface Props extends ConfirmRequest {
  onAnswer(confirmed: boolean): void
}

/**
 * A question before an action that cannot be taken back, in the app's own dialog rather than
 * `window.confirm`: its buttons speak the interface language (the browser's say OK/Cancel in
 * the browser's), it is keyboard-driven and themed. Cancel has the focus, so Enter never
 * destroys by accident; Escape answers no.
 */
export function ConfirmDialog({ title, message, confirmLabel, danger, onAnswer }: Props) {
  const t = useT()
  return (
    <Dialog title={title} className="confirm-dialog" onClose={() => onAnswer(false)} testId="confirm-dialog">
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => onAnswer(false)}>
          {t('common:cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : undefined} onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}

/**
 * `const [confirmation, confirm] = useConfirm()`: render `confirmation`, and `await confirm({…})`
 * where `window.confirm(…)` would have been; it resolves true only when the analyst confirms.
 */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [request, setRequest] = useState<ConfirmRequest | null>(null)
  const answer = useRef<(confirmed: boolean) => void>(() => undefined)
  const confirm = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        answer.current(false)
        answer.current = resolve
        setRequest(next)
      }),
    []
  )
  const element = request && (
    <ConfirmDialog
      {...request}
      onAnswer={(confirmed) => {
        setRequest(null)
        const resolve = answer.current
        answer.current = () => undefined
        resolve(confirmed)
      }}
    />
  )
  return [element, confirm]
}
