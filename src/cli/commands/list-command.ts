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
  const t = await out.translator()
  if (page.total === 0) {
    out.line(t('cli:list.empty'))
    return 0
  }
  // Columns as wide as their header or their widest cell, whatever the language makes of them.
  const rows = page.items.map((a) => ({ id: a.id, imported: out.dateTime(a.importedAt), highlights: out.number(a.highlightCount), title: a.source ? `${a.title} (${a.source})` : a.title }))
  const header = { id: t('cli:list.header.id'), imported: t('cli:list.header.imported'), highlights: t('cli:list.header.highlights'), title: t('cli:list.header.title') }
  const width = (column: 'id' | 'imported' | 'highlights') => Math.max(header[column].length, ...rows.map((r) => r[column].length))
  const [id, imported, highlights] = [width('id'), width('imported'), width('highlights')]
  out.line([header.id.padEnd(id), header.imported.padEnd(imported), header.highlights.padStart(highlights), header.title].join('  '))
  for (const r of rows) out.line([r.id.padEnd(id), r.imported.padEnd(imported), r.highlights.padStart(highlights), r.title].join('  '))
  const shown = page.items.length
  out.line(shown < page.total ? t('cli:list.someShown', { shown, count: page.total }) : t('cli:list.count', { count: page.total }))
  return 0
}
