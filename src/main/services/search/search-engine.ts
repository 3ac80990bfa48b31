import type Database from 'better-sqlite3'
import { statementsOf, type StatementCache } from '../../db/statement-cache'
import type { SummaryRow } from '../library-query'
import { ftsMatch } from '../../../shared/search/fts-match'
import { isEmptyQuery, parseQuery, SEARCH_KINDS, type ParsedQuery, type SearchKind } from '../../../shared/search/parse-query'
import type { SearchGroup, SearchHit, SearchResults } from '../../../shared/search/search-types'
import { pageLocator, type ArticleDocument } from '../../../shared/document/article-document'
import { makeSnippet, matchRanges } from '../../../shared/search/snippet'
import { entityKey } from '../../../shared/entities/decisions'
import { ENTITY_TYPES } from '../../../shared/entities/types'
import { CJK_INDEXING_NOTICE, queryHasCjk, sideFtsTerm, withoutCjk } from '../../../shared/search/cjk'
import { CJK_INDEXES, cjkBackfillPending } from '../../db/cjk-index'

/**
 * Ranked candidates per kind of text. FTS5 walks matches newest first (ORDER BY rowid DESC,
 * which it serves from the index) and stops here, so a word found in half the library costs as
 * much as a rare one; bm25 then ranks those candidates. Beyond the cap, older matches are not
 * ranked (decision 0009).
 */
export const CANDIDATE_CAP = 400
/**
 * With a filter, the newest matches walked per kind before looking at what passed. A filter that
 * passes 3% of a library would otherwise walk 13,000 matches (each ranked, joined to its article
 * and checked) to find 400; a page of results needs far fewer. Windows grow 4× only while the
 * candidates do not yet cover a page of articles (decision 0009).
 */
export const FILTERED_WINDOW = 1000
const HITS_PER_GROUP = 3

type Source = 'articles' | 'highlights' | 'notes' | 'notebooks'

export interface Candidate {
  source: Source
  rid: number
  score: number
  articleId: string
}

/** A result group's article: the library list's row without its highlight count. */
type ArticleRow = Omit<SummaryRow, 'highlight_count'>

export interface SearchOptions {
  limit?: number
}

export interface PlanOptions {
  /** false: answer CJK words from the main index only, as before migration 051 (for comparisons). */
  cjk?: boolean
}

export interface CandidateQuery {
  source: Source
  sql: string
  params: Record<string, string | number>
  /**
   * For a filtered word search: how many matches the window `@below`/`@walk` holds and its oldest
   * rowid, to know whether a further window exists. The candidate SQL then takes those two
   * parameters too; without a window it takes neither.
   */
  windowSql?: string
}

type CandidateParams = Record<string, string | number>
/** What every candidate query selects (candidateQueries writes them). */
interface CandidateRow {
  rid: number
  score: number
  articleId: string
}
/** What a window query selects: how many matches the window holds, and its oldest rowid. */
interface WindowRow {
  n: number
  last: number | null
}

/**
 * Types a statement of candidateQueries' SQL by the row it selects. `prepare` may be any
 * statement maker (the benchmark's raw connection, a test's), so the row type is stated here,
 * once, next to the SQL's author, instead of on each result.
 */
function typed<Row>(prepare: (sql: string) => Database.Statement, sql: string): Database.Statement<[CandidateParams], Row> {
  return prepare(sql) as Database.Statement<[CandidateParams], Row>
}

interface Walk {
  plan: CandidateQuery
  below: number
  walk: number
  found: number
  done: boolean
}

/**
 * Runs the candidate queries: unfiltered ones once, filtered ones window by window (newest
 * matches first) until each has CANDIDATE_CAP candidates or no more matches, or until the
 * candidates so far cover `limit` articles. Shared by the engine and the benchmark's raw run.
 */
export function findCandidates(
  prepare: (sql: string) => Database.Statement,
  plans: readonly CandidateQuery[],
  limit: number,
  window = FILTERED_WINDOW
): { candidates: Candidate[]; truncated: boolean } {
  const candidates: Candidate[] = []
  const articles = new Set<string>()
  let truncated = false
  const walks: Walk[] = plans.map((plan) => ({ plan, below: Number.MAX_SAFE_INTEGER, walk: window, found: 0, done: false }))
  for (;;) {
    for (const w of walks) {
      if (w.done) continue
      const params = w.plan.windowSql ? { ...w.plan.params, cap: CANDIDATE_CAP - w.found, below: w.below, walk: w.walk } : w.plan.params
      const rows = typed<CandidateRow>(prepare, w.plan.sql).all(params)
      for (const r of rows) {
        candidates.push({ source: w.plan.source, rid: r.rid, score: r.score, articleId: r.articleId })
        articles.add(r.articleId)
      }
      w.found += rows.length
      if (w.found >= CANDIDATE_CAP) {
        truncated = true
        w.done = true
      } else if (!w.plan.windowSql) {
        w.done = true
      } else {
        // count(*) always yields a row.
        const walked = typed<WindowRow>(prepare, w.plan.windowSql).get({ ...w.plan.params, below: w.below, walk: w.walk }) ?? { n: 0, last: null }
        if (walked.n < w.walk || walked.last === null) w.done = true
        else {
          w.below = walked.last
          w.walk *= 4
        }
      }
    }
    if (walks.every((w) => w.done)) break
    if (articles.size >= limit) {
      truncated = true
      break
    }
  }
  return { candidates, truncated }
}

/**
 * Runs Dossier queries against the FTS5 indexes of migration 009. It only reads, so it can run
 * on a read-only connection in a worker thread (search-worker.ts) as well as in-process (CLI).
 */
export class SearchEngine {
  private readonly prepare: StatementCache

  constructor(
    private readonly db: Database.Database,
    private readonly plan: PlanOptions = {}
  ) {
    this.prepare = statementsOf(db)
  }

  search(input: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 20
    const query = parseQuery(input)
    if (isEmptyQuery(query)) {
      const notice = query.excluded.length ? 'Add a word to search for: exclusions (-word) only narrow a search.' : null
      return { groups: [], truncated: false, notice }
    }
    const notice =
      query.clauses.length === 0 && query.excluded.length
        ? 'Exclusions (-word) need a word to search for; they were ignored.'
        : this.plan.cjk !== false && queryHasCjk(query) && cjkBackfillPending(this.db)
          ? CJK_INDEXING_NOTICE
          : null
    const { candidates, truncated } = findCandidates(this.prepare, candidateQueries(query, this.plan), limit)
    // bm25: lower is better. Ties (and filter-only listings, all 0) go to the newest row.
    candidates.sort((a, b) => a.score - b.score || b.rid - a.rid)
    const byArticle = new Map<string, Candidate[]>()
    for (const c of candidates) {
      const list = byArticle.get(c.articleId)
      if (list) list.push(c)
      else if (byArticle.size < limit) byArticle.set(c.articleId, [c])
    }
    // The page's articles, and the rows its hits show, in one statement per table rather than one each.
    const articles = new Map(
      this.prepare<[string], ArticleRow>(`SELECT id, title, source, author, published_at, imported_at FROM articles WHERE id IN ${JSON_LIST}`)
        .all(JSON.stringify([...byArticle.keys()]))
        .map((a) => [a.id, a])
    )
    const rows = this.hitRows([...byArticle.values()].flatMap((list) => list.slice(0, HITS_PER_GROUP)))
    const groups: SearchGroup[] = []
    for (const [articleId, candidates] of byArticle) {
      const article = articles.get(articleId)
      if (!article) continue
      groups.push({
        articleId,
        title: article.title,
        source: article.source,
        author: article.author,
        publishedAt: article.published_at,
        importedAt: article.imported_at,
        matchCount: candidates.length,
        hits: candidates.slice(0, HITS_PER_GROUP).flatMap((c) => {
          const row = rows.get(`${c.source}:${c.rid}`)
          return row ? [hit(c.source, row, query)] : []
        })
      })
    }
    this.addPages(groups)
    return { groups, truncated, notice }
  }

  /** Hits in a PDF cite their page, worked out from the stored document as the highlights panel does. */
  private addPages(groups: SearchGroup[]): void {
    const placed = groups.filter((g) => g.hits.some((h) => h.start !== null))
    if (placed.length === 0) return
    const rows = this.prepare<[string], { id: string; document: string | null }>(
      `SELECT id, document FROM articles WHERE original_type = 'pdf' AND id IN ${JSON_LIST}`
    ).all(JSON.stringify(placed.map((g) => g.articleId)))
    const documents = new Map(rows.map((r) => [r.id, r.document]))
    for (const group of placed) {
      const json = documents.get(group.articleId)
      if (!json) continue
      const locate = pageLocator(JSON.parse(json) as ArticleDocument)
      for (const h of group.hits) {
        const ref = h.start === null ? null : locate(h.start)
        if (ref) Object.assign(h, { page: ref.page, pageLabel: ref.label })
      }
    }
  }

  /** The rows behind these candidates, by `source:rowid`. */
  private hitRows(shown: readonly Candidate[]): Map<string, HitRow> {
    const out = new Map<string, HitRow>()
    for (const source of ['articles', 'highlights', 'notes', 'notebooks'] as const) {
      const rids = shown.filter((c) => c.source === source).map((c) => c.rid)
      if (rids.length === 0) continue
      for (const row of this.prepare<[string], HitRow>(HIT_SQL[source]).all(JSON.stringify(rids))) out.set(`${source}:${row.rid}`, row)
    }
    return out
  }
}

const JSON_LIST = '(SELECT value FROM json_each(?))'

const HIT_SQL: Record<Source, string> = {
  articles: `SELECT rowid AS rid, title, author, source, text FROM articles WHERE rowid IN ${JSON_LIST}`,
  highlights: `SELECT rowid AS rid, id, exact, start, end, orphaned FROM highlights WHERE rowid IN ${JSON_LIST}`,
  notes: `SELECT n.rowid AS rid, h.id, h.start, h.end, h.orphaned, n.plain_text AS text FROM notes n JOIN highlights h ON h.id = n.highlight_id
          WHERE n.rowid IN ${JSON_LIST}`,
  notebooks: `SELECT rowid AS rid, plain_text AS text FROM notebooks WHERE rowid IN ${JSON_LIST}`
}

/** Whichever of these columns the hit's table has (HIT_SQL). */
interface HitRow {
  rid: number
  id?: string
  title?: string
  author?: string | null
  source?: string | null
  text?: string
  exact?: string
  start?: number
  end?: number
  orphaned?: number
}

function hit(source: Source, row: HitRow, query: ParsedQuery): SearchHit {
  const place = (r: HitRow) => (r.orphaned === 0 ? { start: r.start!, end: r.end! } : { start: null, end: null })
  switch (source) {
    case 'articles': {
      const text = row.text!
      const inText = matchRanges(text, query)
      if (inText.length > 0 || query.clauses.length === 0) {
        const first = inText[0]
        return { kind: 'text', highlightId: null, start: first?.start ?? null, end: first?.end ?? null, snippet: makeSnippet(text, inText) }
      }
      const byline = [row.title, row.author, row.source].filter(Boolean).join(' · ')
      return { kind: 'title', highlightId: null, start: null, end: null, snippet: makeSnippet(byline, matchRanges(byline, query)) }
    }
    case 'highlights':
      return { kind: 'highlight', highlightId: row.id!, ...place(row), snippet: makeSnippet(row.exact!, matchRanges(row.exact!, query), 300) }
    case 'notes':
      return { kind: 'note', highlightId: row.id!, ...place(row), snippet: makeSnippet(row.text!, matchRanges(row.text!, query)) }
    case 'notebooks':
      return { kind: 'notebook', highlightId: null, start: null, end: null, snippet: makeSnippet(row.text!, matchRanges(row.text!, query)) }
  }
}

/**
 * The candidate queries for a parsed query: one per kind of text it may match. Filters sit
 * inside each query, before its LIMIT, so a filtered search ranks only rows that pass.
 * Exported so the benchmark can run exactly these statements without the service around them.
 */
export function candidateQueries(query: ParsedQuery, options: PlanOptions = {}): CandidateQuery[] {
  // A query with a CJK word goes to the side index (rows holding CJK), and, when it can match a
  // row without CJK at all, to the main index for those rows (decision 0031). Others never see it.
  const cjk = options.cjk !== false && query.clauses.length > 0 && queryHasCjk(query)
  const latin = cjk ? withoutCjk(query) : query
  const match = latin ? ftsMatch(latin) : null
  const f = query.filters
  const kinds: readonly SearchKind[] = f.kinds.length ? f.kinds : SEARCH_KINDS
  const params: Record<string, string | number> = { cap: CANDIDATE_CAP }
  if (match) params.match = match
  if (cjk) params.cjkMatch = ftsMatch(query, sideFtsTerm)!
  let n = 0
  const bind = (value: string) => {
    const name = `p${n++}`
    params[name] = value
    return `@${name}`
  }

  const articleConds = ['a.deleted_at IS NULL']
  if (f.before) articleConds.push(`coalesce(a.published_at, a.imported_at) < ${bind(f.before)}`)
  if (f.after) articleConds.push(`coalesce(a.published_at, a.imported_at) >= ${bind(f.after)}`)
  for (const s of f.sources) articleConds.push(`a.source LIKE ${bind(likeContains(s))} ESCAPE '\\'`)
  for (const s of f.authors) articleConds.push(`a.author LIKE ${bind(likeContains(s))} ESCAPE '\\'`)
  for (const c of f.cases) {
    // By name, or by id: the app scopes its search box to the open case by id, whatever its name holds.
    const value = bind(c)
    articleConds.push(`EXISTS (SELECT 1 FROM case_articles x JOIN cases c ON c.id = x.case_id WHERE x.article_id = a.id AND (c.name = ${value} COLLATE NOCASE OR c.id = ${value}))`)
  }
  // entity:"Name": the entity named so, or whose mentions were indexed under that name (any type),
  // wherever a merge sent them; its name's key and its aliases' keys are indexed (entity_mentions_key).
  const entitySet = (name: string) => {
    const keys = ENTITY_TYPES.map((t) => bind(entityKey(t, name))).join(', ')
    return `(SELECT id FROM entities WHERE name = ${bind(name.trim())} COLLATE NOCASE OR key IN (${keys})
      UNION SELECT entity_id FROM entity_mentions WHERE base_key IN (${keys}) AND entity_id IS NOT NULL)`
  }
  const entitySets = f.entities.map(entitySet)
  const articleEntityConds = entitySets.map((set) => `EXISTS (SELECT 1 FROM entity_mentions em WHERE em.article_id = a.id AND em.entity_id IN ${set})`)
  const highlightEntityConds = entitySets.map(
    (set) => `EXISTS (SELECT 1 FROM entity_mentions em WHERE em.article_id = h.article_id AND em.start < h.end AND em.end > h.start AND em.entity_id IN ${set})`
  )
  if (f.reliability) {
    const grades = f.reliability.map((g) => bind(g)).join(', ')
    articleConds.push(`coalesce(a.reliability, (SELECT s.reliability FROM sources s WHERE s.id = a.source_id)) IN (${grades || 'NULL'})`)
  }
  const articleTag = (name: string) =>
    `EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.name = ${name})`
  const highlightConds = ['h.deleted_at IS NULL']
  for (const label of f.labels) highlightConds.push(`h.label_id IN (SELECT id FROM labels WHERE name = ${bind(label)})`)
  // Grades are whole numbers from the parser, never the analyst's text.
  if (f.credibility) highlightConds.push(`h.credibility IN (${f.credibility.map((g) => Math.trunc(g)).join(', ') || 'NULL'})`)
  if (f.ungraded) highlightConds.push('h.credibility IS NULL')
  const highlightTags = f.tags.map((tag) => {
    const name = bind(tag)
    return `(${articleTag(name)} OR EXISTS (SELECT 1 FROM highlight_tags y JOIN tags t ON t.id = y.tag_id WHERE y.highlight_id = h.id AND t.name = ${name}))`
  })
  const articleOnlyTags = f.tags.map((tag) => articleTag(bind(tag)))
  const onArticle = [...articleConds, ...articleOnlyTags, ...articleEntityConds].join(' AND ')
  const onHighlight = [...articleConds, ...highlightConds, ...highlightTags, ...highlightEntityConds].join(' AND ')

  // Anything beyond "not in the Trash" makes the walk windowed (see FILTERED_WINDOW).
  const filtered = articleConds.length > 1 || highlightConds.length > 1 || f.tags.length > 0 || f.entities.length > 0
  const plans: CandidateQuery[] = []
  const add = (source: Source, fts: string, table: string, alias: string, joins: string, where: string, weights = '') => {
    const tidy = (sql: string) => sql.replace(/\s+/g, ' ').trim()
    if (!cjk && !match) {
      // Without words to match, a filter-only search lists the newest rows that pass the filters.
      const sql = `SELECT ${alias}.rowid AS rid, 0 AS score, a.id AS articleId FROM ${table} ${alias} ${joins}
         WHERE ${where} ORDER BY ${alias}.rowid DESC LIMIT @cap`
      plans.push({ source, sql: tidy(sql), params })
      return
    }
    const side = CJK_INDEXES.find((i) => i.table === table)!
    const indexes: { fts: string; param: string; where: string }[] = []
    if (cjk) indexes.push({ fts: side.fts, param: '@cjkMatch', where })
    // The main index answers for the rows the side index does not hold (none of their columns has
    // CJK). Membership is read from the side index's docsize table, a b-tree keyed by rowid (FTS5
    // keeps one row there per indexed row), rather than by scanning each row's text again.
    const notInSide = `NOT EXISTS (SELECT 1 FROM ${side.fts}_docsize d WHERE d.id = ${alias}.rowid)`
    if (match) indexes.push({ fts, param: '@match', where: cjk ? `${where} AND ${notInSide}` : where })
    for (const { fts, param, where } of indexes) {
      if (!filtered) {
        const sql = `SELECT ${fts}.rowid AS rid, bm25(${fts}${weights}) AS score, a.id AS articleId
           FROM ${fts} JOIN ${table} ${alias} ON ${alias}.rowid = ${fts}.rowid ${joins}
           WHERE ${fts} MATCH ${param} AND ${where} ORDER BY ${fts}.rowid DESC LIMIT @cap`
        plans.push({ source, sql: tidy(sql), params })
      } else {
        // The window is a subquery with its own LIMIT, which SQLite does not flatten into the join,
        // so at most @walk matches are joined and checked.
        const walk = `FROM ${fts} WHERE ${fts} MATCH ${param} AND rowid < @below ORDER BY rowid DESC LIMIT @walk`
        const sql = `SELECT w.rid, w.score, a.id AS articleId FROM (SELECT rowid AS rid, bm25(${fts}${weights}) AS score ${walk}) w
           JOIN ${table} ${alias} ON ${alias}.rowid = w.rid ${joins} WHERE ${where} ORDER BY w.rid DESC LIMIT @cap`
        const windowSql = `SELECT count(*) AS n, min(rid) AS last FROM (SELECT rowid AS rid ${walk})`
        plans.push({ source, sql: tidy(sql), params, windowSql: tidy(windowSql) })
      }
    }
  }
  // A label or a credibility belongs to highlights: with one in the query, article text and notebooks cannot match.
  const labelled = f.labels.length > 0 || f.credibility !== null || f.ungraded
  if (kinds.includes('articles') && !labelled) add('articles', 'articles_fts', 'articles', 'a', '', onArticle, ', 10.0, 4.0, 4.0, 1.0')
  if (kinds.includes('highlights')) add('highlights', 'highlights_fts', 'highlights', 'h', 'JOIN articles a ON a.id = h.article_id', onHighlight)
  if (kinds.includes('notes')) {
    add('notes', 'notes_fts', 'notes', 'n', 'JOIN highlights h ON h.id = n.highlight_id JOIN articles a ON a.id = h.article_id', onHighlight)
    if (!labelled) add('notebooks', 'notebooks_fts', 'notebooks', 'b', 'JOIN articles a ON a.id = b.article_id', onArticle)
  }
  return plans
}

/** A LIKE pattern for "contains", with LIKE's own wildcards in the value taken literally. */
function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
