import { join, resolve } from 'node:path'
import { DossierError } from '../../shared/errors'
import { CliError, describeSystemError } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface ExportOptions {
  outDir: string
  /** Undefined exports the whole library. */
  articleIds: string[] | undefined
  dbPath: string
  json: boolean
  cwd: string
}

export async function exportCommand(options: ExportOptions, out: Printer): Promise<number> {
  const outDir = resolve(options.cwd, options.outDir)
  const ids = options.articleIds && [...new Set(options.articleIds)]
  const result = await withLibrary(options.dbPath, options.cwd, (services) => {
    // Every id is checked before the first file is written, so a typo never leaves half an export.
    for (const id of ids ?? []) {
      try {
        services.articles.get(id)
      } catch (err) {
        if (err instanceof DossierError && err.code === 'not_found') {
          throw new CliError(`no article has the id ${id}; "dossier list" shows the ids.`)
        }
        throw err
      }
    }
    try {
      return services.exporter.markdown(outDir, ids)
    } catch (err) {
      if (err instanceof DossierError) throw err
      throw new CliError(`${outDir}: cannot write the export: ${describeSystemError(err)}.`)
    }
  })

  if (options.json) {
    out.json(result)
  } else if (result.files.length === 0) {
    out.line('The library has no articles; nothing was exported.')
  } else {
    for (const file of result.files) out.line(join(result.outDir, file))
    out.line(`Exported ${result.files.length} article${result.files.length === 1 ? '' : 's'} to ${result.outDir}.`)
  }
  return 0
}
