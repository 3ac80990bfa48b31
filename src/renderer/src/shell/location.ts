import { HOME, parseRouteUrl, type AppRoute } from '../../../shared/links/app-routes'

/**
 * The route lives in the address: the path in the web mode, the hash in the desktop window (its
 * page is a file, so the path is not ours). Back and forward give a route back; reloading reads it.
 */
export function readLocation(useHash: boolean): AppRoute {
  if (useHash) {
    const hash = window.location.hash.slice(1)
    const at = hash.indexOf('?')
    return parseRouteUrl(at < 0 ? hash || '/' : hash.slice(0, at), at < 0 ? '' : hash.slice(at)) ?? HOME
  }
  return parseRouteUrl(window.location.pathname, window.location.search) ?? HOME
}
