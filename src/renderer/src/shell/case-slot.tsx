import { useSyncExternalStore, type ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useRouter } from './router'

/** What the case switcher is given: the current case (from the route) and a way to change it. */
export interface CaseSwitcherProps {
  caseId: string | null
  setCase(caseId: string | null): void
}

/**
 * The slot at the top of the window for the current case and its switcher. Cases register their
 * switcher here from their view folder, `registerCaseSwitcher((props) => <CaseSwitcher {...props} />)`; until then the slot says that all
 * articles are shown. The current case is part of the route (`?case=<id>`), so it survives a reload.
 */
type RenderSwitcher = (props: CaseSwitcherProps) => ReactNode
let switcher: RenderSwitcher | null = null
const listeners = new Set<() => void>()

export function registerCaseSwitcher(render: RenderSwitcher): void {
  switcher = render
  for (const listener of listeners) listener()
}

/** The current case id and a setter, for any view that works within a case. */
export function useCurrentCase(): CaseSwitcherProps {
  const { route, navigate } = useRouter()
  return { caseId: route.caseId, setCase: (caseId) => navigate({ caseId }) }
}

export function CaseSlot() {
  const render = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => switcher
  )
  const current = useCurrentCase()
  const t = useT()
  return (
    <div className="case-slot" data-testid="case-slot">
      {render ? render(current) : <span className="case-none">{t('shell:case.none')}</span>}
    </div>
  )
}
