import { DossierError } from '../../shared/errors'
import type { MessageKey, Translate } from '../../shared/i18n/messages'
import type { SearchGroup, SearchHit, SearchResults } from '../../shared/search/search-types'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import { searchNotice } from '../../shared/i18n/search-notices'

export interface SearchOptions {
  query: string
  limit: number
  dbPath: string
  json: boolean
  cwd: string
}

const KIND_LABEL: Readonly<Record<SearchHit['kind'], MessageKey>> = {
  title: 'cli:search.kind.title',
  text: 'cli:search.kind.text',
  highlight: 'cli:search.kind.highlight',
  note: 'cli:search.kind.note',
  notebook: 'cli:search.kind.notebook'
}

/**
 * The app's own search, through the same contract channel and engine. It runs on this thread:
 * the CLI has no window whose event loop a search could stall.
 */
export async function searchCommand(options: SearchOptions, out: Printer): Promise<number> {
  const results = await withLibrary(options.dbPath, options.cwd, async (services) => {
    // A library from before the CJK side index: its older rows are indexed now, once, so that a
    // script's search misses nothing (the app does this in the background).
    services.cjkBackfill.runNow()
    const reply = await services.dispatch('search.query', { query: options.query, limit: options.limit })
    if (!reply.ok) throw new DossierError(reply.error.code, reply.error.message, reply.error.reason)
    return reply.value as SearchResults
  })
  if (options.json) {
    out.json(results)
    return 0
  }
  const t = await out.translator()
  // Main writes the notice in English (so does --json); the line reads it in the language.
  if (results.notice) out.line(searchNotice(results.notice, t))
  if (results.groups.length === 0) {
    out.line(t('cli:search.none', { query: JSON.stringify(options.query) }))
    return 0
  }
  for (const group of results.groups) printGroup(group, out, t)
  out.line(t('cli:search.count', { count: results.groups.length, truncated: results.truncated ? 'yes' : 'no' }))
  return 0
}

function printGroup(group: SearchGroup, out: Printer, t: Translate): void {
  const meta = [group.source, out.date(group.publishedAt ?? group.importedAt)].filter(Boolean).join(', ')
  out.line(`${group.title} (${meta})  ${group.articleId}`)
  for (const hit of group.hits) {
    const text = hit.snippet.parts.map((p) => (p.match ? `«${p.text}»` : p.text)).join('')
    out.line(`  [${t(KIND_LABEL[hit.kind])}] ${hit.snippet.cutBefore ? '…' : ''}${text.replace(/\s+/g, ' ')}${hit.snippet.cutAfter ? '…' : ''}`)
  }
  if (group.matchCount > group.hits.length) out.line(`  ${t('cli:search.more', { count: group.matchCount - group.hits.length })}`)
  out.line()
}
