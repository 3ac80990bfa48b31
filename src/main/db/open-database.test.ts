import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DossierError } from '../../shared/errors'
import { tempDir } from '../../../test/support/temp-services'
import { migrate, schemaVersion, type Migration } from './migrate'
import { MIGRATIONS } from './migrations'
import { openDatabase } from './open-database'

const LATEST = MIGRATIONS.at(-1)!.version

function tableNames(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name)
}

function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('openDatabase', () => {
  it('creates every table on an empty file, at the latest schema, in WAL mode with foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'folder', 'library.sqlite')
    const db = openDatabase(path)
    try {
      expect(existsSync(path)).toBe(true)
      // Features add tables over time; these are the ones an analyst's work lives in.
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['article_tags', 'articles', 'highlights', 'labels', 'notebooks', 'note_revisions', 'notes', 'settings', 'tags'])
      )
      expect(schemaVersion(db)).toBe(LATEST)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  it('reopens an existing library without re-running migrations or losing rows', () => {
    const path = join(tempDir(), 'library.sqlite')
    const first = openDatabase(path)
    first.prepare("INSERT INTO tags (name) VALUES ('baltic')").run()
    first.close()

    const second = openDatabase(path)
    try {
      expect(schemaVersion(second)).toBe(LATEST)
      expect(second.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'baltic' }])
      expect(second.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      second.close()
    }
  })

  it('refuses a library written by a newer Dossier, naming the file, and leaves its version alone', () => {
    const path = join(tempDir(), 'from-the-future.sqlite')
    const future = new Database(path)
    future.pragma(`user_version = ${LATEST + 5}`)
    future.close()

    const err = caught(() => openDatabase(path))
    expect(err).toBeInstanceOf(DossierError)
    expect((err as DossierError).code).toBe('schema_too_new')
    expect((err as DossierError).message).toContain(path)

    const after = new Database(path)
    try {
      expect(schemaVersion(after)).toBe(LATEST + 5)
      expect(tableNames(after)).toEqual([])
    } finally {
      after.close()
    }
  })
})

describe('migrate', () => {
  const createA: Migration = { version: 1, name: 'a', up: 'CREATE TABLE a (x INTEGER) STRICT;' }
  const createB: Migration = { version: 2, name: 'b', up: 'CREATE TABLE b (y TEXT) STRICT;' }
  const broken: Migration = {
    version: 3,
    name: 'broken',
    // The first statement succeeds, so a rollback is the only way it can disappear again.
    up: 'CREATE TABLE half_done (z INTEGER); INSERT INTO no_such_table VALUES (1);'
  }

  function memoryDb(): Database.Database {
    return new Database(':memory:')
  }

  it('applies only the steps newer than the stored version', () => {
    const db = memoryDb()
    expect(migrate(db, [createA], 'mem')).toBe(1)
    // Re-running createA would fail with "table a already exists".
    expect(migrate(db, [createA, createB], 'mem')).toBe(2)
    expect(tableNames(db)).toEqual(['a', 'b'])
    expect(migrate(db, [createA, createB], 'mem')).toBe(2)
  })

  it('rolls a failing step back entirely and leaves user_version at the version it started from', () => {
    const db = memoryDb()
    migrate(db, [createA, createB], 'mem')

    expect(() => migrate(db, [createA, createB, broken], 'mem')).toThrow(/no_such_table/)
    expect(schemaVersion(db)).toBe(2)
    expect(tableNames(db)).toEqual(['a', 'b'])
  })

  it('leaves an empty database at version 0 when its first step fails', () => {
    const db = memoryDb()
    expect(() => migrate(db, [{ ...broken, version: 1 }], 'mem')).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(tableNames(db)).toEqual([])
  })

  it('upgrades all or nothing: a failing later step undoes the earlier ones too, so the version is never in between', () => {
    const db = memoryDb()
    expect(() => migrate(db, [createA, { ...broken, version: 2 }, { ...createB, version: 3 }], 'mem')).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(tableNames(db)).toEqual([])
  })

  it('runs a step numbered below one already applied: streams land out of order', () => {
    const db = memoryDb()
    const createC: Migration = { version: 3, name: 'c', up: 'CREATE TABLE c (z INTEGER) STRICT;' }
    expect(migrate(db, [createA, createC], 'mem')).toBe(3)
    // Version 2 lands after 3 was applied: user_version alone (3) would skip it.
    expect(migrate(db, [createA, createB, createC], 'mem')).toBe(3)
    expect(tableNames(db)).toEqual(['a', 'b', 'c'])
    expect(migrate(db, [createA, createB, createC], 'mem')).toBe(3)
  })

  it('takes a library from before the applied-steps record as having every step up to its version', () => {
    const db = memoryDb()
    db.exec('CREATE TABLE a (x INTEGER) STRICT;')
    db.pragma('user_version = 1')
    expect(migrate(db, [createA, createB], 'mem')).toBe(2)
    expect(tableNames(db)).toEqual(['a', 'b'])
  })

  it('refuses a library with a step this version does not know, even below its newest', () => {
    const db = memoryDb()
    migrate(db, [createA, { ...createB, version: 3 }], 'mem')
    db.prepare('INSERT INTO schema_migrations (version) VALUES (2)').run()
    expect(caught(() => migrate(db, [createA, { ...createB, version: 3 }], '/data/library.sqlite'))).toMatchObject({ code: 'schema_too_new' })
  })

  it('names the database path when the schema is newer than the migrations it was given', () => {
    const db = memoryDb()
    db.pragma('user_version = 9')
    const err = caught(() => migrate(db, [createA], '/data/library.sqlite'))
    expect(err).toMatchObject({ code: 'schema_too_new' })
    expect((err as Error).message).toContain('/data/library.sqlite')
    expect(schemaVersion(db)).toBe(9)
  })
})

describe('openDatabase on files that cannot be used', () => {
  it('names the file and the reason when it is not SQLite, and leaves it untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-notdb-'))
    const path = join(dir, 'notes.sqlite')
    const bytes = Buffer.from('This is a shopping list, not a database.\n'.repeat(200))
    writeFileSync(path, bytes)
    try {
      expect(() => openDatabase(path)).toThrow(/The database .*notes\.sqlite is not a Dossier database/)
      try {
        openDatabase(path)
      } catch (err) {
        expect((err as DossierError).code).toBe('database_unusable')
      }
      expect(readFileSync(path).equals(bytes)).toBe(true)
      expect(existsSync(`${path}-wal`)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a newer schema without switching the file to WAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-newer-'))
    const path = join(dir, 'future.sqlite')
    const raw = new Database(path)
    raw.pragma('user_version = 999')
    raw.close()
    try {
      expect(() => openDatabase(path)).toThrow(/newer version of Dossier/)
      const check = new Database(path, { readonly: true })
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete')
      check.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
