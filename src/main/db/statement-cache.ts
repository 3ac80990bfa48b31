import type Database from 'better-sqlite3'

/**
 * A prepared statement by its SQL text, typed by the caller: `Params` are what it binds, `Row`
 * what `.get()` and `.all()` return. The row type is the caller's word for the SELECT's columns,
 * written once where the SQL is (a repository under db/repos), so no query result needs a cast.
 */
export interface StatementCache {
  <Params extends unknown[] = unknown[], Row = unknown>(sql: string): Database.Statement<Params, Row>
  /**
   * The statement in pluck mode (each row is its first column; declare that column's type as
   * `Row`). A separate entry from the plain one: plucking never changes another caller's rows.
   */
  pluck<Params extends unknown[] = unknown[], Row = unknown>(sql: string): Database.Statement<Params, Row>
  /** The statement in raw mode (each row an array of its columns), likewise its own entry. */
  raw<Params extends unknown[] = unknown[], Row extends unknown[] = unknown[]>(sql: string): Database.Statement<Params, Row>
}

/**
 * Prepares each distinct SQL text once per cache. Queries built from filters repeat a small
 * set of shapes, and preparing costs more than running them on a warm page cache.
 */
export function statementCache(db: Database.Database): StatementCache {
  const statements = new Map<string, Database.Statement>()
  const cached = (mode: '' | 'pluck' | 'raw', sql: string): Database.Statement => {
    const key = mode ? `${mode}\u0000${sql}` : sql
    let statement = statements.get(key)
    if (!statement) {
      statement = db.prepare(sql)
      if (mode === 'pluck') statement.pluck()
      else if (mode === 'raw') statement.raw()
      statements.set(key, statement)
    }
    return statement
  }
  // The casts below are the one place a statement's types are asserted: the typed call sites
  // name their parameters and row shape, and the cache hands the same statement to each of them.
  const prepare = (<Params extends unknown[], Row>(sql: string) => cached('', sql) as Database.Statement<Params, Row>) as StatementCache
  prepare.pluck = <Params extends unknown[], Row>(sql: string) => cached('pluck', sql) as Database.Statement<Params, Row>
  prepare.raw = <Params extends unknown[], Row extends unknown[]>(sql: string) => cached('raw', sql) as Database.Statement<Params, Row>
  return prepare
}

const connections = new WeakMap<Database.Database, StatementCache>()

/**
 * The connection's one shared cache, used by every repository: a statement is prepared once per
 * connection however many services and repositories ask for it.
 */
export function statementsOf(db: Database.Database): StatementCache {
  let cache = connections.get(db)
  if (!cache) {
    cache = statementCache(db)
    connections.set(db, cache)
  }
  return cache
}
