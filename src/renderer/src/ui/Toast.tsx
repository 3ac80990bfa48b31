import * as RadixToast from '@radix-ui/react-toast'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

export interface ToastSpec {
  text: string
  /** Takes the action back; the toast offers Undo and stays longer, so there is time to use it. */
  undo?: () => void
}

interface ShownToast extends ToastSpec {
  id: number
}

const ToastContext = createContext<(toast: ToastSpec) => void>(() => undefined)

/** Passing messages at the corner of the window, announced politely, paused while hovered or focused. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([])
  // One at a time: a new message replaces the last, whose Undo would now be about something else.
  const show = useCallback((toast: ToastSpec) => setToasts([{ ...toast, id: Date.now() + Math.random() }]), [])
  const dismiss = (id: number) => setToasts((list) => list.filter((t) => t.id !== id))
  return (
    <RadixToast.Provider swipeDirection="right" label="Notifications">
      <ToastContext.Provider value={show}>{children}</ToastContext.Provider>
      {toasts.map((toast) => (
        <RadixToast.Root
          key={toast.id}
          className="toast"
          data-testid="notice"
          duration={toast.undo ? 15_000 : 6_000}
          onOpenChange={(open) => !open && dismiss(toast.id)}
        >
          <RadixToast.Description className="toast-text">{toast.text}</RadixToast.Description>
          {toast.undo && (
            <RadixToast.Action altText="Undo" asChild>
              <button type="button" className="link" onClick={toast.undo}>
                Undo
              </button>
            </RadixToast.Action>
          )}
          <RadixToast.Close className="link toast-close" aria-label="Dismiss">
            ✕
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="toast-viewport" />
    </RadixToast.Provider>
  )
}

/** Shows a toast: `toast({ text, undo })`. */
export function useToast(): (toast: ToastSpec) => void {
  const show = useContext(ToastContext)
  return useMemo(() => show, [show])
}
