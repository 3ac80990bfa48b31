import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { HOME, routeToUrl, sameRoute, type AppRoute } from '../../../shared/links/app-routes'
import { readLocation } from './location'

interface Router {
  route: AppRoute
  /** Goes to a route (a change of the current one): a new history entry, or in place with `replace`. */
  navigate(patch: Partial<AppRoute>, options?: { replace?: boolean }): void
}

const RouterContext = createContext<Router>({ route: HOME, navigate: () => undefined })

function writeLocation(route: AppRoute, useHash: boolean, replace: boolean): void {
  // In the web mode the fragment holds the loopback token (api/client.ts): every route keeps it.
  const url = useHash ? `#${routeToUrl(route)}` : `${routeToUrl(route)}${window.location.hash}`
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
}

export function RouterProvider({ useHash, children }: { useHash: boolean; children: ReactNode }) {
  const [route, setRoute] = useState<AppRoute>(() => readLocation(useHash))
  // The route history was last written with: navigating twice before a render builds on both.
  const current = useRef(route)

  useEffect(() => {
    const onPop = () => {
      current.current = readLocation(useHash)
      setRoute(current.current)
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [useHash])

  const navigate = useCallback(
    (patch: Partial<AppRoute>, options: { replace?: boolean } = {}) => {
      const next = { ...current.current, ...patch }
      if (sameRoute(next, current.current)) return
      current.current = next
      writeLocation(next, useHash, options.replace ?? false)
      setRoute(next)
    },
    [useHash]
  )

  const value = useMemo(() => ({ route, navigate }), [route, navigate])
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>
}

export function useRouter(): Router {
  return useContext(RouterContext)
}
