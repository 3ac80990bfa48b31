/**
 * Metadata of PDF, Word and EPUB files as their authoring tools leave it: titles that are file
 * names ("report_final_v3.docx", "Microsoft Word - Brief.doc"), dates in PDF's own notation.
 */

/** A title field that names a file or a template rather than the document. */
export function isJunkTitle(title: string, fileName?: string): boolean {
  const t = title.replace(/\s+/g, ' ').trim()
  if (t.length < 3) return true
  if (!/\p{L}/u.test(t)) return true
  if (/^(?:untitled|document\s*\d*|title|slide \d+|presentation\d*|no title|none|unknown|\(anonymous\))$/i.test(t)) return true
  if (/^microsoft (?:word|powerpoint|excel) - /i.test(t)) return true
  // A browser's "Save as PDF" of a page with no title names the PDF after its address.
  if (/^(?:about:blank|https?:\/\/\S+|file:\/\/\S+|data:\S*)$/i.test(t)) return true
  if (/\.(?:docx?|pdf|indd|tex|rtf|odt|pptx?|xlsx?|qxd|pages|html?|txt|epub)$/i.test(t)) return true
  // report_final_v3, draft-2024-03: a word joined with underscores and no space is a file name.
  if (!/\s/.test(t) && /[_]|\d/.test(t) && t.length > 6) return true
  if (fileName) {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
    if (t.toLowerCase() === base.toLowerCase()) return true
  }
  return false
}

/** The first acceptable title of several candidates, best first. */
export function pickTitle(candidates: readonly (string | null | undefined)[], fileName: string): string | null {
  for (const c of candidates) {
    const t = c?.replace(/\s+/g, ' ').trim()
    if (t && !isJunkTitle(t, fileName)) return t
  }
  return null
}

/** "D:20240115093000+01'00'" (PDF) or an ISO date → "2024-01-15"; null when it is neither. */
export function isoDate(value: string | null | undefined): string | null {
  const v = value?.trim()
  if (!v) return null
  const pdf = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v)
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v)
  const m = iso ?? pdf
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] ? Number(m[2]) : 1
  const day = m[3] ? Number(m[3]) : 1
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** A book's cover, title page or copyright page: set aside with this reason, not lost. */
export const FRONT_MATTER_REASON = 'front matter'

/** A Word document's table of contents: its entries set aside with this reason. */
export const TOC_REASON = 'table of contents'
