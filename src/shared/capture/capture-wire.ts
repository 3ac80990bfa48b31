/**
 * The wire between the browser extension and Dossier's capture endpoint (decision 0022): the
 * constants and shapes both sides share. No zod here: the extension bundles this file, and the
 * endpoint validates bodies with the schemas in capture-protocol.ts, checked against these types.
 */

/** Where Dossier listens for the extension unless the analyst picks another port in Settings. */
export const DEFAULT_CAPTURE_PORT = 28451

/**
 * Largest request body, refused (413) from its Content-Length before a byte is read. A page's
 * serialized DOM is seldom over 5 MB; the import limit for a file is 50 MB.
 */
export const MAX_CAPTURE_BODY_BYTES = 32 * 1024 * 1024

/** Paths of the endpoint; versioned so an older extension is told plainly, not misunderstood. */
export const CAPTURE_PATHS = {
  status: '/capture/v1/status',
  pair: '/capture/v1/pair',
  cases: '/capture/v1/cases',
  page: '/capture/v1/page'
} as const

/** The header carrying the paired extension's key. */
export const CAPTURE_KEY_HEADER = 'x-dossier-key'

/** Pairing codes: 8 letters and digits with the easily confused ones (0/O, 1/I/L, U) left out. */
export const PAIRING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
export const PAIRING_CODE_LENGTH = 8

/** "K7QM-2RXD" or "k7qm2rxd" → "K7QM2RXD"; null when it cannot be a code. */
export function normalizePairingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== PAIRING_CODE_LENGTH) return null
  for (const ch of code) if (!PAIRING_CODE_ALPHABET.includes(ch)) return null
  return code
}

/** As shown to the analyst: two groups of four. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

export interface PairRequest {
  code: string
  /** What the extension calls its browser ("Chrome on Linux"), shown in the list of paired browsers. */
  browser: string
}

export interface PairResponse {
  key: string
  pairingId: string
}

/** The analyst's selection with a little of the text around it, to place it where it was made. */
export interface CapturedSelection {
  exact: string
  prefix: string
  suffix: string
}

export interface CaptureRequest {
  /** document.documentElement.outerHTML after the page's scripts ran. */
  html: string
  url: string
  title: string
  /** When the analyst pressed Save, in UTC (ISO 8601), as the browser's clock says. */
  capturedAt: string
  userAgent: string
  selection: CapturedSelection | null
  /** Null: the case open in Dossier. */
  caseId: string | null
  tags: string[]
}

export interface CaptureResponse {
  status: 'imported' | 'updated' | 'duplicate' | 'rejected'
  articleId: string | null
  title: string | null
  message: string | null
  /** The selection became this highlight (or already was one). */
  highlightId: string | null
  /** Opens the article in Dossier: dossier://article/<id>, or the browser mode's address. */
  openUrl: string | null
}

export interface CaptureStatus {
  app: 'Dossier'
  version: string
  /** The key sent with the request belongs to a pairing that is not revoked. */
  paired: boolean
}

export interface CaseChoice {
  id: string
  name: string
  /** The case open in Dossier now. */
  open: boolean
}
