/** Links in notes may only lead to the web or to mail: no javascript:, file: or app schemes. */
export function isSafeLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
