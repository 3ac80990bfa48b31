import * as RadixToast from '@radix-ui/react-toast'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { directionOf } from '../../../shared/i18n'
import { useLocale, useT } from '../i18n/use-t'

export interface ToastSpec {
  /** Already in the interface language (the caller translates). */
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
  const t = useT()
  const { locale } = useLocale()
  return (
    // Toasts sit at the inline end of the window: swiped away toward the nearer edge.
    <RadixToast.Provider swipeDirection={directionOf(locale) === 'rtl' ? 'left' : 'right'} label={t('shell:toast.label')}>
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
            <RadixToast.Action altText={t('common:undo')} asChild>
              <button type="button" className="link" onClick={toast.undo}>
                {t('common:undo')}
              </button>
            </RadixToast.Action>
          )}
          <RadixToast.Close className="link toast-close" aria-label={t('common:dismiss')}>
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
