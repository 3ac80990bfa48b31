/**
 * Small reads of package XML (Word's core properties, an EPUB's container and OPF), whose shapes
 * are fixed by their standards: the text of an element, its attributes, how many there are.
 * Namespace prefixes are matched as written, which is how every producer writes these files.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
      }
      return ENTITIES[e] ?? all
    })
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The trimmed text of the first `tag` element, or null when absent or empty. */
export function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${escape(tag)}(?:\\s[^>]*)?>([\\s\\S]*?)</${escape(tag)}>`, 'i').exec(xml)
  const text = m ? decodeXml(m[1]!).replace(/\s+/g, ' ').trim() : ''
  return text || null
}

/** How many `tag` elements the XML has. */
export function xmlElements(xml: string, tag: string): number {
  return xml.match(new RegExp(`<${escape(tag)}[\\s/>]`, 'g'))?.length ?? 0
}

/** Every `tag` element's attributes, in document order. */
export function xmlAttributes(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = []
  for (const m of xml.matchAll(new RegExp(`<${escape(tag)}(\\s[^>]*?)?/?>`, 'g'))) {
    const attrs: Record<string, string> = {}
    for (const a of (m[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeXml(a[3] ?? a[4] ?? '')
    out.push(attrs)
  }
  return out
}
