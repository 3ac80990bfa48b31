import { DossierError } from '../../shared/errors'
import { CliError } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export type TrashOptions = ({ action: 'list' | 'empty' } | { action: 'restore'; id: string }) & {
  dbPath: string
  json: boolean
  cwd: string
}

export async function trashCommand(options: TrashOptions, out: Printer): Promise<number> {
  return withLibrary(options.dbPath, options.cwd, (services) => {
    if (options.action === 'empty') {
      const gone = services.trash.empty()
      if (options.json) out.json(gone)
      else out.line(`Deleted for good: ${gone.articles} articles and ${gone.highlights} highlights.`)
      return 0
    }
    if (options.action === 'restore') {
      // The id alone says what it is: articles and highlights share no ids.
      const item = services.trash.list().items.find((i) => i.id === options.id)
      if (!item) throw new CliError(`nothing in the Trash has the id ${options.id}; "dossier trash" lists it.`)
      try {
        const restored = services.trash.restore(item.kind, item.id)
        if (options.json) out.json({ ...item, ...restored })
        else out.line(`Restored the ${item.kind} “${item.title}”.`)
        return 0
      } catch (err) {
        if (err instanceof DossierError) throw new CliError(err.message)
        throw err
      }
    }
    const { items } = services.trash.list()
    if (options.json) out.json({ items })
    else if (items.length === 0) out.line('The Trash is empty.')
    else for (const i of items) out.line([i.id, i.deletedAt.slice(0, 16).replace('T', ' '), i.kind.padEnd(9), `${i.title} (${i.detail})`].join('  '))
    return 0
  })
}
