import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the watch_list table: a name, or a pattern when is_regex is 1. */
export interface WatchListRow {
  id: number
  pattern: string
  is_regex: number
  created_at: string
}

export function watchListRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Adds an entry unless it exists; its id either way. */
    ensure: (pattern: string, isRegex: number, at: string) => {
      q<[string, number, string]>('INSERT INTO watch_list (pattern, is_regex, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(pattern, isRegex, at)
      const id = q.pluck<[string, number], number>('SELECT id FROM watch_list WHERE pattern = ? AND is_regex = ?').get(pattern, isRegex)
      if (id === undefined) throw new Error(`watch-list entry ${pattern} was not stored`)
      return id
    },
    delete: (id: number) => q<[number]>('DELETE FROM watch_list WHERE id = ?').run(id),
    /** By pattern, with how many articles each matches. */
    withCounts: () =>
      q<[], Pick<WatchListRow, 'id' | 'pattern' | 'is_regex'> & { article_count: number }>(
        `SELECT w.id, w.pattern, w.is_regex, (SELECT count(*) FROM watch_matches m WHERE m.watch_id = w.id) AS article_count FROM watch_list w ORDER BY w.pattern`
      ).all(),
    all: () => q<[], Pick<WatchListRow, 'id' | 'pattern' | 'is_regex'>>('SELECT id, pattern, is_regex FROM watch_list').all(),
    /** Ids of the articles an entry matches. */
    matchingArticleIds: (id: number) => q.pluck<[number], string>('SELECT article_id FROM watch_matches WHERE watch_id = ?').all(id),
    putMatch: (id: number, articleId: string, count: number) =>
      q<[number, string, number]>('INSERT INTO watch_matches (watch_id, article_id, count) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET count = excluded.count').run(
        id,
        articleId,
        count
      ),
    deleteMatch: (id: number, articleId: string) => q<[number, string]>('DELETE FROM watch_matches WHERE watch_id = ? AND article_id = ?').run(id, articleId)
  }
}
