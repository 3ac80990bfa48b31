import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

export function sourcesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The source's Admiralty reliability grade, as stored (null: not graded); undefined when there is no such source. */
    reliability: (id: string) => q<[string], { reliability: string | null }>('SELECT reliability FROM sources WHERE id = ?').get(id)
  }
}
