import { parseCredibilityRange, parseReliabilityRange, type Reliability } from '../analysis/admiralty'
import { isUnspacedScript, wordsOf } from './tokens'

/**
 * Dossier's search language, parsed by Dossier rather than handed to FTS5, so that no input can
 * be an error: words, "phrases", prefix*, OR, -exclusion, and filters (tag: label: source:
 * author: in: before: after: case: reliability: credibility: ungraded entity:). Whatever cannot be read as syntax is searched for literally, and
 * whatever holds no searchable word (lone operators, brackets, emoji) is dropped.
 */

export const SEARCH_KINDS = ['articles', 'highlights', 'notes'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export interface Term {
  /** The words of the term as the index will see them (already cut at separators). */
  words: string[]
  /** The last word may be the beginning of a longer word. */
  prefix: boolean
}

export interface SearchFilters {
  tags: string[]
  labels: string[]
  sources: string[]
  authors: string[]
  /** Empty: everything. */
  kinds: SearchKind[]
  /** `YYYY-MM-DD`: the article's date (published, else imported) is before this day. */
  before: string | null
  /** `YYYY-MM-DD`: the article's date is on or after this day. */
  after: string | null
  /** case:"Name": articles in every one of these cases (names, case-insensitive). */
  cases: string[]
  /** reliability:A-B: articles whose reliability (their override, else their source's) is one of these. */
  reliability: Reliability[] | null
  /** credibility:1-2: highlights graded with one of these (article text and notebooks cannot match). */
  credibility: number[] | null
  /** `ungraded`: highlights without a credibility grade. */
  ungraded: boolean
  /** entity:"Name": articles mentioning each of these entities, by its name or any alias; highlights holding a mention. */
  entities: string[]
}

export interface ParsedQuery {
  /** All must match; each is a group of alternatives joined by OR. */
  clauses: Term[][]
  excluded: Term[]
  filters: SearchFilters
}

/** Past this, a query is not something anyone typed; the rest is ignored rather than refused. */
export const MAX_QUERY_CHARS = 1000
const MAX_TERMS = 32

type Token = { kind: 'word'; text: string; negated: boolean; quoted: boolean; prefix: boolean } | { kind: 'or' }

const FILTER = /^(tag|label|source|author|in|before|after|case|reliability|credibility|entity):(.*)$/is

export function parseQuery(input: string): ParsedQuery {
  const filters: SearchFilters = {
    tags: [],
    labels: [],
    sources: [],
    authors: [],
    kinds: [],
    before: null,
    after: null,
    cases: [],
    reliability: null,
    credibility: null,
    ungraded: false,
    entities: []
  }
  const clauses: Term[][] = []
  const excluded: Term[] = []
  let joinNext = false
  let terms = 0

  for (const token of lex(input.slice(0, MAX_QUERY_CHARS))) {
    if (token.kind === 'or') {
      // OR joins the next term to the previous clause; a leading or doubled OR means nothing.
      joinNext = clauses.length > 0
      continue
    }
    if (!token.quoted && !token.negated && applyFilter(token.text, filters)) {
      joinNext = false
      continue
    }
    const term = toTerm(token.text, token.prefix)
    if (!term || terms >= MAX_TERMS) continue
    terms++
    if (token.negated) {
      excluded.push(term)
      continue
    }
    if (joinNext) clauses.at(-1)!.push(term)
    else clauses.push([term])
    joinNext = false
  }
  return { clauses, excluded, filters }
}

function lex(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const n = input.length
  while (i < n) {
    const c = input[i]!
    if (/\s/u.test(c)) {
      i++
      continue
    }
    let negated = false
    if (c === '-' && i + 1 < n && !/\s/u.test(input[i + 1]!)) {
      negated = true
      i++
    }
    if (input[i] === '"') {
      // A phrase runs to the next quote, or to the end when the quote is never closed.
      const close = input.indexOf('"', i + 1)
      const end = close === -1 ? n : close
      const text = input.slice(i + 1, end)
      i = close === -1 ? n : close + 1
      let prefix = false
      while (input[i] === '*') {
        prefix = true
        i++
      }
      tokens.push({ kind: 'word', text, negated, quoted: true, prefix })
      continue
    }
    let end = i
    while (end < n && !/\s/u.test(input[end]!)) end++
    let word = input.slice(i, end)
    // A filter may take a quoted value: source:"Financial Times".
    const filterStart = /^(tag|label|source|author|case|entity):"/i.exec(word)
    if (filterStart && !negated) {
      const close = input.indexOf('"', i + filterStart[0].length)
      end = close === -1 ? n : close + 1
      word = `${filterStart[1]}:${input.slice(i + filterStart[0].length, close === -1 ? n : close)}`
      tokens.push({ kind: 'word', text: word, negated: false, quoted: false, prefix: false })
      i = end
      continue
    }
    i = end
    if (word === 'OR' && !negated) {
      tokens.push({ kind: 'or' })
      continue
    }
    // AND is what separate words mean anyway.
    if (word === 'AND' && !negated) continue
    const prefix = /\*+$/.test(word)
    tokens.push({ kind: 'word', text: word.replace(/\*+$/, ''), negated, quoted: false, prefix })
  }
  return tokens
}

function toTerm(text: string, prefix: boolean): Term | null {
  const words = wordsOf(text)
  if (words.length === 0) return null
  // unicode61 keeps a run of CJK or Thai as one token: a word typed from inside such a run can
  // only be found as the start of one, so these terms always search as prefixes (decision 0009).
  return { words, prefix: prefix || isUnspacedScript(words.at(-1)!) }
}

/** Records a well-formed filter and returns true; anything else is left to be searched as words. */
function applyFilter(text: string, filters: SearchFilters): boolean {
  // A bare keyword, as analysts say it; "ungraded" in quotes is searched as a word.
  if (text.toLowerCase() === 'ungraded') {
    filters.ungraded = true
    return true
  }
  const m = FILTER.exec(text)
  if (!m) return false
  const name = m[1]!.toLowerCase()
  const value = m[2]!.trim()
  if (!value || value.length > 200) return false
  switch (name) {
    case 'tag':
      filters.tags.push(value.replace(/^#+/, ''))
      return true
    case 'label':
      filters.labels.push(value)
      return true
    case 'source':
      filters.sources.push(value)
      return true
    case 'author':
      filters.authors.push(value)
      return true
    case 'in': {
      const kind = KIND_NAMES[value.toLowerCase()]
      if (!kind) return false
      if (!filters.kinds.includes(kind)) filters.kinds.push(kind)
      return true
    }
    case 'before': {
      const day = periodBounds(value)
      if (!day) return false
      filters.before = day.start
      return true
    }
    case 'after': {
      const day = periodBounds(value)
      if (!day) return false
      filters.after = day.next
      return true
    }
    case 'case':
      filters.cases.push(value)
      return true
    case 'entity':
      filters.entities.push(value)
      return true
    case 'reliability': {
      const grades = parseReliabilityRange(value)
      if (!grades) return false
      // Two ranges narrow to the grades both allow.
      filters.reliability = filters.reliability ? filters.reliability.filter((g) => grades.includes(g)) : grades
      return true
    }
    case 'credibility': {
      const grades = parseCredibilityRange(value)
      if (!grades) return false
      filters.credibility = filters.credibility ? filters.credibility.filter((g) => (grades as readonly number[]).includes(g)) : [...grades]
      return true
    }
  }
  return false
}

const KIND_NAMES: Record<string, SearchKind> = {
  article: 'articles',
  articles: 'articles',
  text: 'articles',
  highlight: 'highlights',
  highlights: 'highlights',
  note: 'notes',
  notes: 'notes',
  notebook: 'notes',
  notebooks: 'notes'
}

/**
 * A year, month or day as the first day of that period and the first day after it:
 * `before:2024` means before 2024 began, `after:2024-03` means from April 2024 on.
 */
export function periodBounds(value: string): { start: string; next: string } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? null : Number(m[2])
  const day = m[3] === undefined ? null : Number(m[3])
  if (month !== null && (month < 1 || month > 12)) return null
  if (day !== null && month !== null) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    if (day < 1 || day > last) return null
  }
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1))
  const next =
    day !== null
      ? new Date(Date.UTC(year, month! - 1, day + 1))
      : month !== null
        ? new Date(Date.UTC(year, month, 1))
        : new Date(Date.UTC(year + 1, 0, 1))
  const iso = (d: Date) => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
  return { start: iso(start), next: iso(next) }
}

/** True when the query asks for nothing in particular: no words and no filters. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  const f = q.filters
  return (
    q.clauses.length === 0 &&
    !f.tags.length &&
    !f.labels.length &&
    !f.sources.length &&
    !f.authors.length &&
    !f.kinds.length &&
    f.before === null &&
    f.after === null &&
    !f.cases.length &&
    f.reliability === null &&
    f.credibility === null &&
    !f.ungraded &&
    !f.entities.length
  )
}

/**
 * The query a search box sends while the analyst is still typing: the word under the cursor is
 * searched as a prefix, so results appear before it is finished. Quoted text and filters are
 * left as typed.
 */
export function asTyped(query: string): string {
  const last = query.split(/\s+/).at(-1) ?? ''
  const quotes = (query.match(/"/g) ?? []).length
  if (quotes % 2 === 1 || last.includes(':') || last.startsWith('-') || last === 'OR' || !/[\p{L}\p{N}]$/u.test(last)) return query
  return `${query}*`
}
