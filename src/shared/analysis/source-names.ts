/**
 * A web address's domain as a source is known by: lower case, without "www." ("www.reuters.com"
 * and "reuters.com" are one outlet). Null for anything that is not an http(s) address.
 */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    return u.hostname.toLowerCase().replace(/^www\./, '') || null
  } catch {
    return null
  }
}

export interface SourceProposal {
  name: string
  domain: string | null
}

/**
 * The source Dossier proposes for an imported item: the site name or publisher the page names,
 * else its domain; for a document with neither, its author or organisation. Null when nothing
 * names one: an unknown source is better than a made-up one.
 */
export function proposeSource(meta: { source: string | null; url: string | null; author: string | null }): SourceProposal | null {
  const domain = domainOf(meta.url)
  const named = meta.source?.replace(/\s+/g, ' ').trim()
  if (named) return { name: named.slice(0, 200), domain }
  if (domain) return { name: domain, domain }
  const author = meta.author?.replace(/\s+/g, ' ').trim()
  return author ? { name: author.slice(0, 200), domain: null } : null
}
