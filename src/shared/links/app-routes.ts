import { appRoute, parseAppRoute, type DossierLink } from './dossier-link'

/**
 * Where the analyst is, as a URL: the view in the side panel, the article or highlight in the
 * reader (the dossier:// link forms as paths), the search query and the current case. The web mode
 * keeps it in the path, the desktop window in the hash; reloading or going back restores it.
 *
 *   /                           the library, nothing open
 *   /search?q=ice+pact          the search view with its query
 *   /article/<id>?view=search   an article, with the search view beside it
 *   /highlight/<id>             an article at a highlight
 *   ?case=<id>                  on any of them: the current case
 */
export interface AppRoute {
  /** A view id of the activity rail (`library`, `search`, and each view as it lands). */
  view: string
  link: DossierLink | null
  query: string
  caseId: string | null
}

export const DEFAULT_VIEW = 'library'
export const HOME: AppRoute = { view: DEFAULT_VIEW, link: null, query: '', caseId: null }

const VIEW = /^[a-z][a-z-]{0,30}$/
/** Folders and prefixes of the server, never a view's name. */
export const RESERVED_VIEW_NAMES: ReadonlySet<string> = new Set(['api', 'assets', 'article', 'highlight', 'case', 'index'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** Long enough for any search the box accepts; a longer one is not a route. */
const MAX_QUERY = 10_000

/** The path and query string of a route. */
export function routeToUrl(route: AppRoute): string {
  const path = route.link ? appRoute(route.link) : route.view === DEFAULT_VIEW ? '/' : `/${route.view}`
  const params = new URLSearchParams()
  if (route.link && route.view !== DEFAULT_VIEW) params.set('view', route.view)
  if (route.query) params.set('q', route.query)
  if (route.caseId) params.set('case', route.caseId)
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** The route a path and query string name, or null when they name none (then the app shows home). */
export function parseRouteUrl(pathname: string, search = ''): AppRoute | null {
  if (pathname.length > 100 || search.length > MAX_QUERY * 3 + 200) return null
  const params = new URLSearchParams(search)
  const given = params.get('view')
  const view = given !== null && isViewName(given) ? given : DEFAULT_VIEW
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY)
  const rawCase = params.get('case')
  let caseId = rawCase !== null && UUID.test(rawCase) ? rawCase : null
  const link = parseAppRoute(pathname)
  if (link) return { view, link, query, caseId }
  if (pathname === '/' || pathname === '/index.html') return { view, link: null, query, caseId }
  const caseMatch = /^\/case\/([0-9a-f-]{36})\/?$/.exec(pathname)
  if (caseMatch && UUID.test(caseMatch[1]!)) {
    caseId = caseMatch[1]!
    return { view, link: null, query, caseId }
  }
  const viewMatch = /^\/([a-z][a-z-]{0,30})\/?$/.exec(pathname)
  if (viewMatch && isViewName(viewMatch[1]!)) return { view: viewMatch[1]!, link: null, query, caseId }
  return null
}

/**
 * Whether the loopback server answers a path with the app's page: every route form above. Static
 * files always have a dot or an `assets/` folder, so they never look like one.
 */
export function isShellPath(pathname: string): boolean {
  return parseRouteUrl(pathname) !== null
}

export function isViewName(name: string): boolean {
  return VIEW.test(name) && !RESERVED_VIEW_NAMES.has(name)
}

export function sameRoute(a: AppRoute, b: AppRoute): boolean {
  return routeToUrl(a) === routeToUrl(b)
}
