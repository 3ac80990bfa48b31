import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { KEEP_BACKUPS, listBackups } from '../../src/main/db/backup-files'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { MEMO_TAGS } from './crash-fixtures'

const LATEST = MIGRATIONS.at(-1)!.version

/** Everything the children acknowledged on one library, across all the kills so far. */
export class Acknowledged {
  opened = false
  readonly articles = new Set<string>()
  readonly highlights = new Set<string>()
  /** Highlight id → the highest autosave number acknowledged for its note. */
  readonly notes = new Map<string, number>()
  /** Backup names, oldest first. */
  readonly backups: string[] = []
  /** Acknowledgements received, by kind. */
  readonly counts = { notes: 0, imports: 0, highlights: 0, backups: 0 }

  /** Reads one child's output; returns the operation it had begun and not finished when killed. */
  record(output: string): string | null {
    let inProgress: string | null = null
    for (const line of output.split('\n')) {
      const [kind, a, b] = line.split(' ')
      if (!kind) continue
      if (kind === 'begin') {
        inProgress = a!
        continue
      }
      if (kind === 'open') this.opened = true
      else if (kind === 'note') {
        this.notes.set(a!, Math.max(this.notes.get(a!) ?? 0, Number(b)))
        this.counts.notes++
      } else if (kind === 'import') {
        this.articles.add(a!)
        this.counts.imports++
      } else if (kind === 'highlight') {
        this.highlights.add(a!)
        this.counts.highlights++
      } else if (kind === 'backup') {
        this.backups.push(a!)
        this.counts.backups++
      } else continue
      inProgress = 'work'
    }
    return inProgress
  }
}

export interface LibraryExpectations {
  dbPath: string
  /** The schema the library had before the first child opened it (0: no file). */
  initialVersion: number
  /** Articles the library held before the first child. */
  initialArticles: readonly string[]
}

/**
 * The promises the harness checks after every kill. Returns what is wrong, in words; an empty
 * list means the library is sound and holds everything that was acknowledged.
 */
export function checkLibrary(expect: LibraryExpectations, acked: Acknowledged): string[] {
  const problems: string[] = []
  if (!existsSync(expect.dbPath)) {
    return acked.opened || expect.initialVersion > 0 ? ['the library file is gone'] : []
  }
  const db = new Database(expect.dbPath)
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const version = db.pragma('user_version', { simple: true }) as number
    const allowed = acked.opened ? [LATEST] : [expect.initialVersion, LATEST]
    if (!allowed.includes(version)) problems.push(`schema version ${version}, expected ${allowed.join(' or ')}`)
    if (version === 0) return problems

    const ids = new Set((db.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id))
    for (const id of expect.initialArticles) if (!ids.has(id)) problems.push(`article ${id} from before the upgrade is missing`)
    for (const id of acked.articles) if (!ids.has(id)) problems.push(`acknowledged import ${id} is missing`)

    // Half-imported: an article row without its tags, or whose text does not match its hash.
    const memos = db
      .prepare(
        `SELECT a.id, a.text, a.content_hash, (SELECT count(*) FROM article_tags t WHERE t.article_id = a.id) AS tags
         FROM articles a WHERE a.title LIKE 'Crash memo %'`
      )
      .all() as { id: string; text: string; content_hash: string; tags: number }[]
    for (const m of memos) {
      if (m.tags !== MEMO_TAGS.length) problems.push(`article ${m.id} has ${m.tags} of its ${MEMO_TAGS.length} tags`)
      if (createHash('sha256').update(m.text).digest('hex') !== m.content_hash) problems.push(`article ${m.id} text does not match its hash`)
    }

    const highlightIds = new Set((db.prepare('SELECT id FROM highlights').all() as { id: string }[]).map((r) => r.id))
    for (const id of acked.highlights) if (!highlightIds.has(id)) problems.push(`acknowledged highlight ${id} is missing`)
    const note = db.prepare('SELECT plain_text FROM notes WHERE highlight_id = ?')
    for (const [id, seq] of acked.notes) {
      const row = note.get(id) as { plain_text: string } | undefined
      const saved = Number(/autosave (\d+)/.exec(row?.plain_text ?? '')?.[1] ?? -1)
      if (saved < seq) problems.push(`note on ${id}: acknowledged autosave ${seq}, found ${saved < 0 ? 'none' : saved}`)
    }
  } finally {
    db.close()
  }

  const backups = listBackups(expect.dbPath)
  const names = backups.map((b) => b.name)
  for (const name of acked.backups) {
    // Pruning may remove a backup once KEEP_BACKUPS newer ones are on disk; nothing else may. The
    // newer ones need not be acknowledged: an earlier child, or this one just before its kill, took them.
    const newer = names.filter((n) => n > name).length
    if (!names.includes(name) && newer < KEEP_BACKUPS) problems.push(`acknowledged backup ${name} is missing (${newer} newer on disk)`)
  }
  const newest = acked.backups.at(-1)
  const newestFile = backups.find((b) => b.name === newest)
  if (newestFile) {
    const copy = new Database(newestFile.path, { readonly: true })
    try {
      const ok = copy.pragma('quick_check', { simple: true })
      if (ok !== 'ok') problems.push(`backup ${newest} fails its check: ${String(ok)}`)
    } finally {
      copy.close()
    }
  }
  if (acked.opened && expect.initialVersion > 0 && expect.initialVersion < LATEST) {
    const before = backups.some((b) => b.reason === `before-migration-${LATEST}`)
    if (!before && backups.length < KEEP_BACKUPS) problems.push('the library was upgraded without a backup first')
  }
  return problems
}
