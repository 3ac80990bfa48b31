/**
 * dossier:// links lead from an exported note back to the passage in the app. Only two forms
 * exist, and parsing is strict: anything else is refused, never handed to the shell or to
 * navigation.
 */
export type DossierLink = { kind: 'article' | 'highlight'; id: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function dossierUrl(link: DossierLink): string {
  return `dossier://${link.kind}/${link.id}`
}

/** The link, or null for anything that is not exactly one of the two forms. */
export function parseDossierUrl(input: unknown): DossierLink | null {
  if (typeof input !== 'string' || input.length > 100) return null
  const match = /^dossier:\/\/(article|highlight)\/([^/?#]+)\/?$/i.exec(input.trim())
  const [, kind, rawId] = match ?? []
  if (!kind || !rawId) return null
  const id = rawId.toLowerCase()
  if (!UUID.test(id)) return null
  return { kind: kind.toLowerCase() as DossierLink['kind'], id }
}

/** The same two forms as paths of the loopback web mode: `/article/<id>`, `/highlight/<id>`. */
export function parseAppRoute(pathname: unknown): DossierLink | null {
  if (typeof pathname !== 'string' || pathname.length > 100) return null
  const match = /^\/(article|highlight)\/([0-9a-f-]{36})\/?$/.exec(pathname)
  if (!match || !UUID.test(match[2]!)) return null
  return { kind: match[1] as DossierLink['kind'], id: match[2]! }
}

export function appRoute(link: DossierLink): string {
  return `/${link.kind}/${link.id}`
}

/**
 * The link a process was started with, if any. On Windows and Linux the OS starts Dossier with
 * the URL as an argument (a second instance passes its argv to the first). Any argument naming
 * the dossier: scheme that does not parse is reported, so the shell can log it and do nothing.
 */
export function linkInArgv(argv: readonly unknown[]): { link: DossierLink | null; refused: string[] } {
  let link: DossierLink | null = null
  const refused: string[] = []
  for (const arg of argv) {
    if (typeof arg !== 'string' || !/^\s*dossier:/i.test(arg)) continue
    const parsed = parseDossierUrl(arg)
    if (parsed && !link) link = parsed
    else if (!parsed) refused.push(arg)
  }
  return { link, refused }
}

/** A refused link as it may be written to a log: bounded, one line, control characters shown. */
export function describeRefusedLink(input: unknown): string {
  const text = typeof input === 'string' ? input : `(${typeof input})`
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(text.slice(0, 120).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')) + (text.length > 120 ? '…' : '')
}
