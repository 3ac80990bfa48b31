import { CliError } from '../cli-error'
import type { SearchGroup, SearchHit, SearchResults } from '../../shared/search/search-types'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface SearchOptions {
  query: string
  limit: number
  dbPath: string
  json: boolean
  cwd: string
}

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  title: 'title',
  text: 'text',
  highlight: 'highlight',
  note: 'note',
  notebook: 'notebook'
}

/**
 * The app's own search, through the same contract channel and engine. It runs on this thread:
 * the CLI has no window whose event loop a search could stall.
 */
export async function searchCommand(options: SearchOptions, out: Printer): Promise<number> {
  const results = await withLibrary(options.dbPath, options.cwd, async (services) => {
    const reply = await services.dispatch('search.query', { query: options.query, limit: options.limit })
    if (!reply.ok) throw new CliError(reply.error.message)
    return reply.value as SearchResults
  })
  if (options.json) {
    out.json(results)
    return 0
  }
  if (results.notice) out.line(results.notice)
  if (results.groups.length === 0) {
    out.line(`No results for ${JSON.stringify(options.query)}.`)
    return 0
  }
  for (const group of results.groups) printGroup(group, out)
  const n = results.groups.length
  out.line(`${n} article${n === 1 ? '' : 's'}${results.truncated ? ' (common words: the best of the newest matches)' : ''}.`)
  return 0
}

function printGroup(group: SearchGroup, out: Printer): void {
  const meta = [group.source, (group.publishedAt ?? group.importedAt).slice(0, 10)].filter(Boolean).join(', ')
  out.line(`${group.title} (${meta})  ${group.articleId}`)
  for (const hit of group.hits) {
    const text = hit.snippet.parts.map((p) => (p.match ? `«${p.text}»` : p.text)).join('')
    out.line(`  [${KIND_LABEL[hit.kind]}] ${hit.snippet.cutBefore ? '…' : ''}${text.replace(/\s+/g, ' ')}${hit.snippet.cutAfter ? '…' : ''}`)
  }
  if (group.matchCount > group.hits.length) out.line(`  (${group.matchCount - group.hits.length} more matches)`)
  out.line()
}
