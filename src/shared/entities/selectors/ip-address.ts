export function validIpv4(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
}

/**
 * RFC 4291 text form: eight groups of one to four hex digits, one "::" standing for a run of
 * zero groups, optionally ending in an IPv4 address. Clock times ("10:30:15") have too few groups.
 */
export function validIpv6(text: string): boolean {
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groupsOf = (half: string): string[] | null => {
    if (half === '') return []
    const groups = half.split(':')
    return groups.every((g) => g !== '') ? groups : null
  }
  const head = groupsOf(halves[0]!)
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : []
  if (!head || !tail) return false
  const all = [...head, ...tail]
  let count = all.length
  const last = all[all.length - 1]
  if (last !== undefined && last.includes('.')) {
    if (!validIpv4(last)) return false
    all.pop()
    count += 1
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  if (halves.length === 2) return count <= 7 && (count > 0 || text === '::') && text.length >= 3
  return count === 8
}
