import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the sources table: an outlet, organisation, person or channel articles come from. */
export interface SourceRow {
  id: string
  name: string
  domain: string | null
  reliability: string | null
  created_at: string
  /** The source this one was merged into; null while it stands on its own. */
  merged_into: string | null
}

/** A source as listed: its row with its live articles counted. */
export type SourceListRow = Omit<SourceRow, 'merged_into'> & { articles: number }

const LISTED = `SELECT s.id, s.name, s.domain, s.reliability, s.created_at,
    (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.deleted_at IS NULL) AS articles
  FROM sources s`

export function sourcesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Sources not merged into another, by name. */
    standing: () => q<[], SourceListRow>(`${LISTED} WHERE s.merged_into IS NULL ORDER BY s.name COLLATE NOCASE`).all(),
    byId: (id: string) => q<[string], SourceListRow>(`${LISTED} WHERE s.id = ?`).get(id),
    /** Undefined when there is no such source. */
    mergedInto: (id: string) => q<[string], Pick<SourceRow, 'merged_into'>>('SELECT merged_into FROM sources WHERE id = ?').get(id),
    /** The source with this name, case-insensitively (but `exceptId`). */
    idByName: (name: string) => q.pluck<[string], string>('SELECT id FROM sources WHERE name = ? COLLATE NOCASE').get(name),
    otherIdByName: (name: string, exceptId: string) =>
      q.pluck<[string, string], string>('SELECT id FROM sources WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId),
    idByDomain: (domain: string) => q.pluck<[string], string>('SELECT id FROM sources WHERE domain = ? COLLATE NOCASE').get(domain),
    name: (id: string) => q.pluck<[string], string>('SELECT name FROM sources WHERE id = ?').get(id),
    /** The source's Admiralty reliability grade, as stored (null: not graded); undefined when there is no such source. */
    reliability: (id: string) => q<[string], Pick<SourceRow, 'reliability'>>('SELECT reliability FROM sources WHERE id = ?').get(id),
    setReliability: (id: string, grade: string | null) => q<[string | null, string]>('UPDATE sources SET reliability = ? WHERE id = ?').run(grade, id),
    insert: (s: Pick<SourceRow, 'id' | 'name' | 'domain' | 'created_at'>) =>
      q<[string, string, string | null, string]>('INSERT INTO sources (id, name, domain, created_at) VALUES (?, ?, ?, ?)').run(s.id, s.name, s.domain, s.created_at),
    rename: (id: string, name: string) => q<[string, string]>('UPDATE sources SET name = ? WHERE id = ?').run(name, id),
    /** Points the source at the one it was merged into (null: it stands on its own again). */
    setMergedInto: (id: string, into: string | null) => q<[string | null, string]>('UPDATE sources SET merged_into = ? WHERE id = ?').run(into, id),
    /** The kept source takes a merged one's domain when it has none. */
    inheritDomain: (into: string, from: string) =>
      q<[string, string, string]>(
        'UPDATE sources SET domain = (SELECT domain FROM sources WHERE id = ?) WHERE id = ? AND domain IS NULL AND (SELECT domain FROM sources WHERE id = ?) IS NOT NULL'
      ).run(from, into, from),
    /** The source and every source merged into it, at any depth. */
    lineage: (id: string) =>
      q
        .pluck<[string], string>(
          `WITH RECURSIVE family (id) AS (SELECT ? UNION SELECT s.id FROM sources s JOIN family f ON s.merged_into = f.id) SELECT id FROM family`
        )
        .all(id)
  }
}
