import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { seedLibrary, CORPUS_VERSION, type CorpusOptions } from '../../bench/library-corpus'
import { openDatabase } from '../../src/main/db/open-database'
import { MIGRATIONS } from '../../src/main/db/migrations'

const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/dossier-e2e')

/**
 * A generated library as a database file, built once and kept (keyed by the generator's and the
 * schema's versions), so each test copies it into place instead of importing thousands of files.
 */
export function libraryTemplate(name: string, options: CorpusOptions): string {
  const path = join(CACHE, `${name}-g${CORPUS_VERSION}-s${MIGRATIONS.at(-1)!.version}.sqlite`)
  if (existsSync(path)) return path
  mkdirSync(CACHE, { recursive: true })
  const partial = `${path}.${process.pid}.partial`
  const db = openDatabase(partial)
  seedLibrary(db, options)
  db.pragma('journal_mode = DELETE')
  db.close()
  renameSync(partial, path)
  return path
}
