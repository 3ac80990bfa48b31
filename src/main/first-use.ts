import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

/**
 * A CommonJS package loaded the first time it is called for rather than when its importer loads.
 * jsdom and citation-js alone cost a second of CPU to load, and every start of the app, the web
 * server and each `dossier` command paid it although only a brief's export uses them (decision
 * 0040). `then` runs once, after the first load (a plugin registering itself, say).
 */
export function onFirstUse<T>(id: string, then?: (loaded: T) => void): () => T {
  let module: T | undefined
  return () => {
    if (module === undefined) {
      module = load(id) as T
      then?.(module)
    }
    return module
  }
}
