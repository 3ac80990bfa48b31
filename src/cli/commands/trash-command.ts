import { CliError, cliMessage } from '../cli-error'
import type { Printer } from '../io'
import type { TrashItem } from '../../shared/domain-types'
import type { Translate } from '../../shared/i18n/messages'
import { withLibrary } from '../open-library'

export type TrashOptions = ({ action: 'list' | 'empty' } | { action: 'restore'; id: string }) & {
  dbPath: string
  json: boolean
  cwd: string
}

export async function trashCommand(options: TrashOptions, out: Printer): Promise<number> {
  return withLibrary(options.dbPath, options.cwd, async (services) => {
    if (options.action === 'empty') {
      const gone = services.trash.empty()
      if (options.json) out.json(gone)
      else out.line((await out.translator())('cli:trash.emptied', { articles: gone.articles, highlights: gone.highlights }))
      return 0
    }
    if (options.action === 'restore') {
      // The id alone says what it is: articles and highlights share no ids.
      const item = services.trash.list().items.find((i) => i.id === options.id)
      if (!item) throw new CliError(cliMessage('cli:trash.noSuchItem', { id: options.id }))
      // A DossierError from the service reaches the one-line reason with its code (and reason).
      const restored = services.trash.restore(item.kind, item.id)
      if (options.json) out.json({ ...item, ...restored })
      else out.line((await out.translator())('cli:trash.restored', { kind: item.kind, title: item.title }))
      return 0
    }
    const { items } = services.trash.list()
    if (options.json) {
      out.json({ items })
      return 0
    }
    const t = await out.translator()
    if (items.length === 0) out.line(t('cli:trash.empty'))
    const kinds = items.map((i) => t(i.kind === 'article' ? 'cli:trash.kind.article' : 'cli:trash.kind.highlight'))
    const kindWidth = Math.max(9, ...kinds.map((k) => k.length))
    items.forEach((i, n) => out.line([i.id, out.dateTime(i.deletedAt), kinds[n]!.padEnd(kindWidth), `${i.title} (${detailOf(i, t)})`].join('  ')))
    return 0
  })
}

/** What comes back with an item, or where it was, in the CLI's language, as the Trash dialog words it. */
function detailOf(item: TrashItem, t: Translate): string {
  if (item.kind === 'article') return item.highlights === undefined ? item.detail : t('library:trash.withHighlights', { count: item.highlights })
  if (item.articleTitle === undefined) return item.detail
  return item.note ? t('library:trash.inArticleWithNote', { title: item.articleTitle, note: item.note }) : t('library:trash.inArticle', { title: item.articleTitle })
}
