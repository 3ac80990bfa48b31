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
