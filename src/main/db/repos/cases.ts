import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

export function casesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    exists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined
  }
}
