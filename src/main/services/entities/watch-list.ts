import type Database from 'better-sqlite3'
import { RE2JS } from 're2js'
import { refuse } from '../../../shared/refusals'
import { articlesRepo } from '../../db/repos/articles'
import { watchListRepo } from '../../db/repos/watch-list'
import type { Clock } from '../clock'

export interface WatchItem {
  id: number
  pattern: string
  isRegex: boolean
  articleCount: number
}

/**
 * Names and patterns the analyst wants to know about. Checked against every imported article's
 * text; matches are kept per article, for the import report and as a library filter.
 */
export class WatchList {
  private readonly entries: ReturnType<typeof watchListRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.entries = watchListRepo(db)
  }

  add(pattern: string, isRegex = false): WatchItem {
    const clean = pattern.trim()
    if (!clean) throw refuse('watch.empty')
    if (isRegex) compilePattern(clean)
    const id = this.entries.ensure(clean, isRegex ? 1 : 0, this.clock())
    // A new entry is checked against the library at once, so the filter is complete.
    const articles = articlesRepo(this.db).liveTexts()
    this.db.transaction(() => {
      for (const a of articles) this.checkOne(id, clean, isRegex, a.id, a.text)
    })()
    return this.list().find((w) => w.id === id)!
  }

  remove(id: number): void {
    this.entries.delete(id)
  }

  list(): WatchItem[] {
    return this.entries
      .withCounts()
      .map((r) => ({ id: r.id, pattern: r.pattern, isRegex: r.is_regex === 1, articleCount: r.article_count }))
  }

  /** Checks one article against every entry; returns the entries it matches, for the import report. */
  check(articleId: string, text: string): string[] {
    const entries = this.entries.all()
    const hits: string[] = []
    this.db.transaction(() => {
      for (const e of entries) if (this.checkOne(e.id, e.pattern, e.is_regex === 1, articleId, text)) hits.push(e.pattern)
    })()
    return hits
  }

  /** Checks a stored article (by id) against every entry. */
  checkArticle(articleId: string): string[] {
    // Reading a 500-page report's text costs main ≈ 15 ms: not for an empty list.
    if (this.entries.all().length === 0) return []
    const text = articlesRepo(this.db).text(articleId)
    return text === undefined ? [] : this.check(articleId, text)
  }

  /** Article ids matching an entry: the library filter. */
  articlesMatching(id: number): string[] {
    return this.entries.matchingArticleIds(id)
  }

  private checkOne(id: number, pattern: string, isRegex: boolean, articleId: string, text: string): boolean {
    const count = countMatches(pattern, isRegex, text)
    if (count > 0) this.entries.putMatch(id, articleId, count)
    else this.entries.deleteMatch(id, articleId)
    return count > 0
  }
}

/**
 * A name matches as whole words, case-insensitively; a pattern as written, by RE2 (re2js), whose
 * matching time grows with the text and never with the pattern's nesting: `(a+)+$` cannot hang
 * an import the way it hangs a backtracking engine. Names are escaped, so JavaScript's own engine
 * (with its look-behind for word edges) runs them in linear time too.
 */
export function countMatches(pattern: string, isRegex: boolean, text: string): number {
  if (isRegex) {
    const matcher = compilePattern(pattern).matcher(text)
    let count = 0
    while (matcher.find()) count++
    return count
  }
  const source = `(?<![\\p{L}\\p{N}])${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`
  return text.match(new RegExp(source, 'giu'))?.length ?? 0
}

const compiled = new Map<string, RE2JS>()

/**
 * A watch-list pattern in RE2 syntax. What RE2 leaves out is what makes backtracking slow:
 * back-references and look-around are refused with the reason, rather than run in a time box.
 */
export function compilePattern(pattern: string): RE2JS {
  let re = compiled.get(pattern)
  if (re) return re
  try {
    re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE)
  } catch (err) {
    const reason = (err as Error).message.replace(/^error parsing regexp: /, '')
    const unsupported = /\\\d|named capture|lookahead|lookbehind|\(\?[=!<]/.test(reason + pattern)
    throw refuse(unsupported ? 'watch.unsupported_pattern' : 'watch.bad_pattern', { pattern, detail: reason })
  }
  // A pattern that matches nothing at all would match at every position of every article.
  if (re.matches('')) throw refuse('watch.matches_empty', { pattern })
  if (compiled.size > 500) compiled.clear()
  compiled.set(pattern, re)
  return re
}
