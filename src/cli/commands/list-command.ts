import type { ArticleSummary } from '../../shared/domain-types'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface ListOptions {
  /** Undefined lists every article. */
  limit: number | undefined
  dbPath: string
  json: boolean
  cwd: string
}

/** A LIMIT that means "every article": the service takes a page size, not "no limit". */
const ALL = 2 ** 31 - 1

export async function listCommand(options: ListOptions, out: Printer): Promise<number> {
  const page = await withLibrary(options.dbPath, options.cwd, (services) => services.articles.list(options.limit ?? ALL, 0))

  if (options.json) {
    // The same shape as the app's library.list channel.
    out.json(page)
    return 0
  }
  if (page.total === 0) {
    out.line('The library is empty. Add articles with: dossier import FILE_OR_FOLDER…')
    return 0
  }
  out.line(['ID'.padEnd(36), 'IMPORTED'.padEnd(16), 'HIGHLIGHTS', 'TITLE'].join('  '))
  for (const article of page.items) out.line(formatRow(article))
  const shown = page.items.length
  out.line(shown < page.total ? `${shown} of ${page.total} articles.` : `${page.total} article${page.total === 1 ? '' : 's'}.`)
  return 0
}

function formatRow(a: ArticleSummary): string {
  const title = a.source ? `${a.title} (${a.source})` : a.title
  return [a.id.padEnd(36), localMinute(a.importedAt).padEnd(16), String(a.highlightCount).padStart(10), title].join('  ')
}

/** `2025-11-25 14:03` in the analyst's own time zone. */
function localMinute(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}
