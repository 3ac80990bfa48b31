/**
 * What the layout reads from a PDF page: pdf.js's text content reduced to positions and sizes.
 * The edge (src/main/services/import/pdf-document.ts) fills these from `getTextContent()`; the
 * layout itself is pure, so it runs and is tested without pdf.js.
 *
 * Coordinates are PDF user space: x grows rightwards, y upwards, from the page's lower-left corner.
 */
export interface PdfTextItem {
  str: string
  /** Left edge of the run. */
  x: number
  /** Baseline. */
  y: number
  /** Advance width of the whole run. */
  width: number
  /** Font size (the text matrix's vertical scale). */
  size: number
  /** pdf.js's loaded font id: equal ids mean the same font. */
  font: string
  /** When the edge knows the font is bold. */
  bold?: boolean
}

export interface PdfPageText {
  /** 1-based. */
  number: number
  width: number
  height: number
  items: PdfTextItem[]
}

/**
 * Typographic ligatures and the soft hyphen. NFKC would also fold ² into 2 and full-width forms,
 * which the canonical text keeps; only the ligatures fonts substitute for letter pairs are split
 * (œ and ĳ are letters of French and Dutch, not ligatures, and stay).
 */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st'
}
const LIGATURE_RE = /[\uFB00-\uFB06]/g

export function normaliseLigatures(text: string): string {
  return text.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
}
