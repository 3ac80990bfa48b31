import type Database from 'better-sqlite3'

/**
 * Prepares each distinct SQL text once per connection. Queries built from filters repeat a small
 * set of shapes, and preparing costs more than running them on a warm page cache.
 */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>()
  return (sql) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
}
