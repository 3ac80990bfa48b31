import type { ParsedQuery, Term } from './parse-query'

/**
 * The FTS5 MATCH expression for a parsed query, or null when it has no words to look for.
 * Every term becomes a double-quoted FTS5 string holding only word characters, so nothing the
 * analyst types (NEAR, AND, column:, ^, brackets, quotes) can reach FTS5 as syntax. `term`
 * writes one term (the CJK side index writes its own: see cjk.ts).
 */
export function ftsMatch(query: ParsedQuery, term: (t: Term) => string = ftsTerm): string | null {
  if (query.clauses.length === 0) return null
  const positive = query.clauses.map((alternatives) => group(alternatives.map(term), 'OR')).join(' AND ')
  if (query.excluded.length === 0) return positive
  return `(${positive}) NOT ${group(query.excluded.map(term), 'OR')}`
}

function group(parts: string[], operator: 'OR'): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(` ${operator} `)})`
}

export function ftsTerm(term: Term): string {
  // wordsOf() yields letters, digits and private-use characters only: no quote to escape. The
  // replace stays as a guard should the word rule ever change.
  const phrase = `"${term.words.join(' ').replace(/"/g, '""')}"`
  return term.prefix ? `${phrase}*` : phrase
}
