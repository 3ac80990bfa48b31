/** The URL normalised when it is http(s), else null: a `javascript:` or `file:` URL must never become a link. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
