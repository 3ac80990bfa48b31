import Database from 'better-sqlite3'

/**
 * The tables of the library (the main database) that `run` reads and writes, found from what
 * SQLite would do rather than from the SQL's words: every statement run on any connection while
 * `run` works is recorded with its connection and first parameters, then EXPLAINed there with them, and each OpenRead / OpenWrite / ReopenIdx of a root
 * page is named from sqlite_master (an index counts as its table; a view is expanded by SQLite
 * itself). Statements run through exec() are returned as they are, for the caller to judge.
 */
export async function tablesTouched(db: Database.Database, run: () => unknown): Promise<{ read: Set<string>; written: Set<string>; execs: string[]; statements: string[] }> {
  const probe = db.prepare('SELECT 1')
  const statementProto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>
  const databaseProto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const sources = new Map<string, { on: Database.Database; args: unknown[] }>()
  const execs: string[] = []
  const restore: (() => void)[] = []
  for (const method of ['get', 'all', 'iterate', 'run']) {
    const original = statementProto[method]!
    statementProto[method] = function (this: { source: string; database: Database.Database }, ...args: unknown[]) {
      if (!sources.has(this.source)) sources.set(this.source, { on: this.database, args })
      return original.apply(this, args)
    }
    restore.push(() => (statementProto[method] = original))
  }
  const exec = databaseProto.exec!
  databaseProto.exec = function (this: Database.Database, sql: unknown) {
    execs.push(String(sql))
    return exec.call(this, sql)
  }
  restore.push(() => (databaseProto.exec = exec))
  try {
    await run()
  } finally {
    for (const undo of restore) undo()
  }
  const names = new Map(
    (db.prepare("SELECT rootpage, type, name, tbl_name FROM main.sqlite_master WHERE rootpage > 0").all() as { rootpage: number; type: string; name: string; tbl_name: string }[]).map((r) => [
      r.rootpage,
      r.tbl_name
    ])
  )
  const read = new Set<string>()
  const written = new Set<string>()
  for (const [sql, { on, args }] of sources) {
    if (/^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(sql)) continue
    const ops = on.prepare(`EXPLAIN ${sql}`).all(...args) as { opcode: string; p2: number; p3: number }[]
    for (const op of ops) {
      if ((op.opcode === 'OpenRead' || op.opcode === 'OpenWrite' || op.opcode === 'ReopenIdx') && op.p3 === 0) {
        const table = names.get(op.p2) ?? `(root page ${op.p2})`
        ;(op.opcode === 'OpenWrite' ? written : read).add(table)
      }
    }
  }
  return { read, written, execs, statements: [...sources.keys()] }
}
