/** Characters of context kept on each side of a quote, as the Hypothesis client does. */
export const CONTEXT_CHARS = 32

export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelector {
  start: number
  end: number
}

/**
 * Builds the W3C TextQuoteSelector for a range of canonical text. Together with the position,
 * it lets a highlight be found again after the text changes.
 */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) {
    throw new RangeError(`range ${start}-${end} is outside a text of length ${text.length}`)
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS)
  }
}

/**
 * Narrows a range so it neither starts nor ends in white space and never splits a surrogate pair:
 * a sloppy mouse selection still yields a clean quote.
 */
export function trimRange(text: string, start: number, end: number): TextPositionSelector | null {
  let s = Math.max(0, Math.min(start, text.length))
  let e = Math.max(0, Math.min(end, text.length))
  while (s < e && /\s/u.test(text[s]!)) s++
  while (e > s && /\s/u.test(text[e - 1]!)) e--
  // Only a real pair is widened: a lone surrogate has no partner, and stepping onto a neighbour
  // could land on white space or before the start of the text.
  if (s < e && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--
  if (e < text.length && e > s && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++
  return e > s ? { start: s, end: e } : null
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
