/**
 * The process the kill -9 harness kills. It runs Dossier's real services on a real library file
 * (opening it runs any pending upgrade, after a backup) and then, until it is killed: autosaves
 * notes, imports articles, creates highlights, moves articles to the Trash and back, and takes
 * backups. Each line it prints is an acknowledgement written only after the commit returned,
 * exactly what the analyst would have been shown as saved.
 *
 * Kept to what those services need (no jsdom: memos are Markdown, parsed by the real Markdown
 * parser), so a child starts in a fraction of a second and the harness can afford many kills.
 *
 * The arguments come in DOSSIER_CRASH_ARGS (JSON: dbPath, seqBase, seed, noteTemplate), the same
 * whether the child runs as a script or from the V8 startup snapshot build-child.ts makes of it.
 */
import { reanchorAll } from '../../src/shared/anchoring/reanchor'
import { parseMarkdown } from '../../src/shared/import/markdown-text'
import { decodeBytes } from '../../src/shared/text/decode-bytes'
import { schemaVersion } from '../../src/main/db/migrate'
import { openDatabase } from '../../src/main/db/open-database'
import { ArticleService } from '../../src/main/services/article-service'
import { BackupService } from '../../src/main/services/backup-service'
import { HighlightService } from '../../src/main/services/highlight-service'
import type { FileParser } from '../../src/main/services/import/file-parser'
import { prepareFile } from '../../src/main/services/import/prepared-file'
import { NoteService } from '../../src/main/services/note-service'
import { crashMemo, NOTE_TEXT_PLACEHOLDER } from './crash-fixtures'

import { startupSnapshot } from 'node:v8'

let seq = 0
let state = 1

/** xorshift32: reproducible from the seed the parent logs. */
function random(): number {
  state ^= state << 13
  state ^= state >>> 17
  state ^= state << 5
  return (state >>> 0) / 0x1_0000_0000
}

/** Pipes are written synchronously on Linux and macOS: the line is out before the next operation. */
function ack(...fields: (string | number)[]): void {
  process.stdout.write(`${fields.join(' ')}\n`)
}

const textParser: FileParser = {
  concurrency: 1,
  parse: async (name, bytes) => prepareFile({ format: 'markdown', article: parseMarkdown(decodeBytes(bytes, name), name) }, bytes),
  reanchor: async (text, selectors) => reanchorAll(text, selectors),
  // The crash harness measures storage, not extraction.
  analyse: async () => ({ language: 'und', mentions: [], events: [] }),
  close: async () => undefined
}

async function main(): Promise<void> {
  const { dbPath, seqBase, seed, noteTemplate } = JSON.parse(process.env.DOSSIER_CRASH_ARGS ?? '{}') as {
    dbPath: string
    seqBase: number
    seed: number
    noteTemplate: string
  }
  seq = seqBase
  state = seed >>> 0 || 1
  ack('begin', 'open')
  const db = openDatabase(dbPath)
  ack('open', schemaVersion(db))
  const clock = () => new Date().toISOString()
  const articles = new ArticleService(db, clock, textParser)
  const highlights = new HighlightService(db, clock)
  const notes = new NoteService(db, clock)
  const backups = new BackupService(db, dbPath)
  const highlightIds = (db.prepare('SELECT id FROM highlights WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id)
  const articleIds = (db.prepare('SELECT id FROM articles WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id)
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)]

  for (;;) {
    const roll = random()
    seq += 1
    if (roll < 0.55 && highlightIds.length > 0) {
      const id = pick(highlightIds)!
      notes.save(id, noteTemplate.replace(NOTE_TEXT_PLACEHOLDER, `autosave ${seq}`))
      ack('note', id, seq)
    } else if (roll < 0.75) {
      const memo = crashMemo(seq)
      ack('begin', 'import')
      const result = await articles.importFile(memo.name, new TextEncoder().encode(memo.text))
      if (result.status !== 'imported' || !result.articleId) throw new Error(`import ${memo.name}: ${result.status} ${result.message}`)
      articleIds.push(result.articleId)
      ack('import', result.articleId, seq)
    } else if (roll < 0.9 && articleIds.length > 0) {
      const articleId = pick(articleIds)!
      // One passage takes one highlight per label: a second pick of the same article is refused.
      let h: { id: string }
      try {
        h = highlights.create(articleId, 0, 12)
      } catch (err) {
        if ((err as { code?: string }).code === 'duplicate') continue
        throw err
      }
      highlightIds.push(h.id)
      ack('highlight', h.id, seq)
    } else if (roll < 0.97) {
      ack('begin', 'backup')
      const b = await backups.create('manual')
      ack('backup', b.name, seq)
    } else {
      // Autosave pauses between bursts; the event loop turns as it would between keystrokes.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

function run(): void {
  main().catch((err: unknown) => {
    process.stderr.write(`crash-child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  })
}

// Built into a snapshot, the modules above are already evaluated when a child starts.
if (startupSnapshot?.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(run)
else run()
