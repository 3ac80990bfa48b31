import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { isReliability, type Reliability } from '../../../shared/analysis/admiralty'
import type { SourceInfo } from '../../../shared/analysis/analysis-types'
import { proposeSource } from '../../../shared/analysis/source-names'
import { refuse } from '../../../shared/refusals'
import { articlesRepo } from '../../db/repos/articles'
import { sourcesRepo, type SourceListRow } from '../../db/repos/sources'
import type { Clock } from '../clock'

/**
 * Sources: the outlet, organisation, person or channel an article comes from. articles.source
 * keeps the source's name (search, facets and export read it); articles.source_id the row.
 */
export class SourceService {
  private readonly sources: ReturnType<typeof sourcesRepo>
  private readonly articleRows: ReturnType<typeof articlesRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.sources = sourcesRepo(db)
    this.articleRows = articlesRepo(db)
  }

  list(): SourceInfo[] {
    return this.sources.standing().map(toInfo)
  }

  get(id: string): SourceInfo {
    const row = this.sources.byId(id)
    if (!row) throw refuse('missing.source', { id })
    return toInfo(row)
  }

  /** The source's live articles, oldest first, with each one's own reliability override. */
  articles(id: string): { id: string; title: string; importedAt: string; reliabilityOverride: Reliability | null }[] {
    this.get(id)
    const rows = this.articleRows.liveOfSource(id)
    return rows.map((r) => ({ id: r.id, title: r.title, importedAt: r.imported_at, reliabilityOverride: isReliability(r.reliability) ? r.reliability : null }))
  }

  /** A merged source answers as the one it was merged into. */
  private current(id: string): string {
    let at = id
    for (let hops = 0; hops < 100; hops++) {
      const row = this.sources.mergedInto(at)
      if (!row) throw refuse('missing.source', { id })
      if (!row.merged_into) return at
      at = row.merged_into
    }
    return at
  }

  /**
   * The source for an imported item: an existing one of the same name or domain, else a new one.
   * Null when the item names none. Runs inside the import's transaction.
   */
  proposeFor(meta: { source: string | null; url: string | null; author: string | null }): string | null {
    const proposal = proposeSource(meta)
    if (!proposal) return null
    const byName = this.sources.idByName(proposal.name)
    if (byName !== undefined) return this.current(byName)
    if (proposal.domain) {
      const byDomain = this.sources.idByDomain(proposal.domain)
      if (byDomain !== undefined) return this.current(byDomain)
    }
    const id = randomUUID()
    this.sources.insert({ id, name: proposal.name, domain: proposal.domain, created_at: this.clock() })
    return id
  }

  /** Finds a source by exact name, or creates it (reassigning an article to a new outlet). */
  ensure(name: string): string {
    const clean = name.replace(/\s+/g, ' ').trim()
    if (!clean) throw refuse('source.name_missing')
    const existing = this.sources.idByName(clean)
    if (existing !== undefined) return this.current(existing)
    const id = randomUUID()
    this.sources.insert({ id, name: clean, domain: null, created_at: this.clock() })
    return id
  }

  /** Puts an article under a source (or none); its displayed source name follows. */
  assign(articleId: string, sourceId: string | null): void {
    const target = sourceId === null ? null : this.assignable(sourceId)
    if (!this.articleRows.setSource(articleId, target?.id ?? null, target?.name ?? null)) throw refuse('missing.article', { id: articleId })
  }

  /** The source an article put under `sourceId` goes under (a merged one's successor), with its name. */
  assignable(sourceId: string): { id: string; name: string | null } {
    const id = this.current(sourceId)
    // current() found the source, so it has a name.
    return { id, name: this.sources.name(id) ?? null }
  }

  rename(id: string, name: string): SourceInfo {
    const clean = name.replace(/\s+/g, ' ').trim()
    if (!clean || clean.length > 200) throw refuse('source.name_length')
    const target = this.current(id)
    if (this.sources.otherIdByName(clean, target) !== undefined) throw refuse('source.name_taken_merge', { name: clean })
    this.db.transaction(() => {
      this.sources.rename(target, clean)
      this.articleRows.renameSource(target, clean)
    })()
    return this.get(target)
  }

  /**
   * Merges sources into one: their articles move to it and they stay as pointers to it, so their
   * grade history stays readable and an import naming them lands on the merged source.
   * The kept source's grade stands; a differing grade of a merged one is in its history.
   */
  merge(ids: readonly string[], intoId: string): SourceInfo {
    const into = this.current(intoId)
    const name = this.get(into).name
    this.db.transaction(() => {
      for (const id of ids) {
        const from = this.current(id)
        if (from === into) continue
        this.articleRows.moveSource(from, into, name)
        this.sources.setMergedInto(from, into)
        // A merged source's domain now finds the kept source through its pointer; the kept one takes it if it has none.
        this.sources.inheritDomain(into, from)
      }
    })()
    return this.get(into)
  }

  /**
   * Takes a merge back (its Undo): the merged source stands on its own again, with the articles
   * it had before the merge (the caller kept their ids), its name, grade and history as they were.
   */
  unmerge(id: string, articleIds: readonly string[]): SourceInfo {
    const row = this.sources.mergedInto(id)
    if (!row) throw refuse('missing.source', { id })
    if (!row.merged_into) throw refuse('source.not_merged')
    const into = this.current(row.merged_into)
    this.db.transaction(() => {
      this.sources.setMergedInto(id, null)
      for (const articleId of articleIds) {
        const article = this.articleRows.sourceId(articleId)
        // Only articles still where the merge put them: one reassigned since stays where the analyst put it.
        if (article?.source_id === into) this.assign(articleId, id)
      }
    })()
    return this.get(id)
  }

  /** Moves some articles of a source to a new source of their own (ungraded: a grade is a judgement). */
  split(id: string, articleIds: readonly string[], newName: string): SourceInfo {
    const from = this.current(id)
    let created = ''
    this.db.transaction(() => {
      const clean = newName.replace(/\s+/g, ' ').trim()
      if (this.sources.idByName(clean) !== undefined) {
        throw refuse('source.name_taken_reassign', { name: clean })
      }
      created = this.ensure(clean)
      for (const articleId of articleIds) {
        const row = this.articleRows.sourceId(articleId)
        if (!row) throw refuse('missing.article', { id: articleId })
        if (row.source_id !== from) throw refuse('source.article_elsewhere', { id: articleId })
        this.assign(articleId, created)
      }
    })()
    return this.get(created)
  }

  reliabilityOf(id: string): Reliability | null {
    const row = this.sources.reliability(this.current(id))
    return isReliability(row?.reliability) ? row.reliability : null
  }

  /** The source and every source merged into it: whose grade history its page shows. */
  lineage(id: string): string[] {
    return this.sources.lineage(this.current(id))
  }

  currentId(id: string): string {
    return this.current(id)
  }
}

function toInfo(r: SourceListRow): SourceInfo {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    reliability: isReliability(r.reliability) ? r.reliability : null,
    articles: r.articles,
    createdAt: r.created_at
  }
}
