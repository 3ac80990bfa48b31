/**
 * Where each top-level node of a serialized Lexical state sits in its text, found again cheaply
 * after an edit: the Markdown export of a brief keeps what it made of each node between exports
 * and must know which nodes an edit touched without parsing the whole notebook (a 500-quote
 * brief is ≈ 400 KB of JSON, and parsing it took longer than writing the whole exported file).
 *
 * After an edit the old and new texts share a prefix and a suffix; the nodes wholly inside them
 * are unchanged (the same text in the same place of the same array), and only the text between
 * is scanned for node boundaries. A node found there whose text equals an old node's (a moved
 * block) is reused too. The scanner only finds boundaries; every new node's text is still parsed
 * by JSON.parse, and anything the scanner does not recognise makes these functions return null so
 * that the caller parses the whole state as before.
 */
export interface NotebookChildren {
  text: string
  /** Offsets in `text` of the root's `children` array: just after its `[`, and at its `]`. */
  open: number
  close: number
  /** Each child's text is `text.slice(start, end)`. */
  starts: number[]
  ends: number[]
}

export interface ChildrenUpdate {
  children: NotebookChildren
  /** For each new child, the index of the old child with the same text, or -1 for one to parse. */
  reused: number[]
}

/** The children of a `{"root": {"children": [...], ...}}` state, found by scanning it all. */
export function findChildren(text: string): NotebookChildren | null {
  const start = skipSpace(text, 0)
  const end = skipValue(text, start)
  if (end < 0 || skipSpace(text, end) !== text.length) return null
  const root = objectMember(text, start, end, 'root')
  if (!root) return null
  const children = objectMember(text, root.start, root.end, 'children')
  if (!children || text.charCodeAt(children.start) !== OPEN_BRACKET) return null
  const open = children.start + 1
  const close = children.end - 1
  const items = scanItems(text, open, close)
  if (!items) return null
  // The scanner does not check what it skips: the state with no children must be JSON, as each
  // child's text must be (the caller parses those), for the whole to be JSON.
  try {
    JSON.parse(text.slice(0, open) + text.slice(close))
  } catch {
    return null
  }
  return { text, open, close, starts: items.starts, ends: items.ends }
}

/** The children of `text`, an edit of `old.text`, with each one whose text did not change mapped to its old index. */
export function updateChildren(old: NotebookChildren, text: string): ChildrenUpdate | null {
  const prev = old.text
  const n = old.starts.length
  const prefix = commonPrefix(prev, text)
  if (prefix === prev.length && prefix === text.length) return { children: { ...old, text }, reused: old.starts.map((_, i) => i) }
  const suffix = commonSuffix(prev, text, Math.min(prev.length, text.length) - prefix)
  const delta = text.length - prev.length
  // An edit outside the children array (the root's own fields): scan everything.
  if (prefix < old.open || prev.length - suffix > old.close) return rescanAll(old, text)
  // Children wholly before the change keep their place; those wholly after it shift by delta.
  let k = 0
  while (k < n && old.ends[k]! <= prefix) k++
  let m = n
  while (m > k && old.starts[m - 1]! >= prev.length - suffix) m--
  // Scan from the last kept child before the change to the first kept one after it, both
  // included, so the commas between them are checked too.
  const from = k > 0 ? old.starts[k - 1]! : old.open
  const to = m < n ? old.ends[m]! + delta : old.close + delta
  const items = scanItems(text, from, to)
  if (!items) return null
  const got = items.starts.length
  if (k > 0 && (items.starts[0] !== old.starts[k - 1] || items.ends[0] !== old.ends[k - 1])) return null
  if (m < n && (items.starts[got - 1] !== old.starts[m]! + delta || items.ends[got - 1] !== old.ends[m]! + delta)) return null
  const midStarts = items.starts.slice(k > 0 ? 1 : 0, m < n ? got - 1 : got)
  const midEnds = items.ends.slice(k > 0 ? 1 : 0, m < n ? got - 1 : got)
  const byText = new Map<string, number>()
  for (let i = k; i < m; i++) byText.set(prev.slice(old.starts[i], old.ends[i]), i)
  const starts = old.starts.slice(0, k)
  const ends = old.ends.slice(0, k)
  const reused = starts.map((_, i) => i)
  for (let i = 0; i < midStarts.length; i++) {
    starts.push(midStarts[i]!)
    ends.push(midEnds[i]!)
    const same = byText.get(text.slice(midStarts[i], midEnds[i]))
    reused.push(same ?? -1)
    // A moved child is reused once; a second copy of it is parsed.
    if (same !== undefined) byText.delete(text.slice(midStarts[i], midEnds[i]))
  }
  for (let i = m; i < n; i++) {
    starts.push(old.starts[i]! + delta)
    ends.push(old.ends[i]! + delta)
    reused.push(i)
  }
  return { children: { text, open: old.open, close: old.close + delta, starts, ends }, reused }
}

function rescanAll(old: NotebookChildren, text: string): ChildrenUpdate | null {
  const children = findChildren(text)
  if (!children) return null
  const byText = new Map<string, number>()
  old.starts.forEach((s, i) => byText.set(old.text.slice(s, old.ends[i]), i))
  const reused = children.starts.map((s, i) => {
    const key = text.slice(s, children.ends[i])
    const same = byText.get(key)
    if (same !== undefined) byText.delete(key)
    return same ?? -1
  })
  return { children, reused }
}

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  return i
}

/** The end of the string starting at `i` (at its opening quote), or -1. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH) i++
    else if (c === QUOTE) return i + 1
  }
  return -1
}

/**
 * The end of the JSON value starting at `i`, or -1. Strings and nesting are followed; what is
 * inside is not checked (JSON.parse checks every node the caller uses).
 */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c === QUOTE) return skipString(text, i)
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next delimiter.
    let j = i
    while (j < text.length) {
      const d = text.charCodeAt(j)
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break
      j++
    }
    return j > i ? j : -1
  }
  let depth = 0
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j)
    if (d === QUOTE) {
      j = skipString(text, j) - 1
      if (j < 0) return -1
    } else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++
    else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
      if (--depth === 0) return j + 1
    }
  }
  return -1
}

/** The values between `from` and `to`, separated by commas (JSON array items), or null. */
function scanItems(text: string, from: number, to: number): { starts: number[]; ends: number[] } | null {
  const starts: number[] = []
  const ends: number[] = []
  let i = skipSpace(text, from)
  if (i >= to) return i === to ? { starts, ends } : null
  for (;;) {
    const end = skipValue(text, i)
    if (end < 0 || end > to) return null
    starts.push(i)
    ends.push(end)
    i = skipSpace(text, end)
    if (i === to) return { starts, ends }
    if (i > to || text.charCodeAt(i) !== COMMA) return null
    i = skipSpace(text, i + 1)
    if (i >= to) return null
  }
}

/**
 * The value of `name` in the object starting at `at` (its `{`) and ending at `end`, or null when
 * it is missing, named twice (JSON.parse keeps the last; this would find the first) or written
 * with escapes.
 */
function objectMember(text: string, at: number, end: number, name: string): { start: number; end: number } | null {
  if (text.charCodeAt(at) !== OPEN_BRACE) return null
  const key = `"${name}"`
  let found: { start: number; end: number } | null = null
  let i = skipSpace(text, at + 1)
  if (text.charCodeAt(i) === CLOSE_BRACE) return null
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return null
    const keyEnd = skipString(text, i)
    if (keyEnd < 0) return null
    const raw = text.slice(i, keyEnd)
    // "root" spelt with escapes is still "root" to JSON.parse: do not guess, let it parse.
    if (raw.includes('\\')) return null
    i = skipSpace(text, keyEnd)
    if (text.charCodeAt(i) !== COLON) return null
    i = skipSpace(text, i + 1)
    const valueEnd = skipValue(text, i)
    if (valueEnd < 0 || valueEnd > end) return null
    if (raw === key) {
      if (found) return null
      found = { start: i, end: valueEnd }
    }
    i = skipSpace(text, valueEnd)
    const c = text.charCodeAt(i)
    if (c === CLOSE_BRACE) return found
    if (c !== COMMA) return null
    i = skipSpace(text, i + 1)
  }
}

/**
 * Compared a block at a time, string equality of two slices running in native code: 64 KB
 * blocks first, then blocks a quarter that size from where they stopped matching, down to 64
 * characters; a 400 KB notebook takes a few dozen comparisons instead of two hundred.
 */
const FIRST_BLOCK = 65536
const LAST_BLOCK = 64

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let i = 0
  for (let block = FIRST_BLOCK; block >= LAST_BLOCK; block >>= 2) {
    while (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) i += block
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/** The length of the common suffix, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0
  for (let block = FIRST_BLOCK; block >= LAST_BLOCK; block >>= 2) {
    while (i + block <= max && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)) i += block
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++
  return i
}
