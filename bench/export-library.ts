import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { renderNote } from '../src/shared/notes/note-markdown'
import { serializeNote } from './note-state'

/**
 * A seeded library for the export benchmark, built in one transaction with prepared statements
 * (about a minute for 10,000 articles on the shared 2-core machine, most of it the search index's triggers). Notes are saved as the app saves them: Lexical state plus
 * the Markdown rendered from it by the same renderer (migration 012). Rendering costs about a
 * millisecond a note, so 200 distinct notes are rendered and reused with their ids.
 */
export function buildExportLibrary(db: Database.Database, articles: number, highlightsPerArticle: number, seed = 7): void {
  let state = seed
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const words = WORDS.split(' ')
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ')

  const notes = Array.from({ length: 200 }, (_, i) => {
    const content = serializeNote(i % 3 === 0 ? 'list' : i % 3 === 1 ? 'bold' : 'plain', sentence(12 + (i % 20)), sentence(6))
    const { markdown, plainText } = renderNote(content)
    return { content, markdown, plainText }
  })
  const labels = (db.prepare('SELECT id FROM labels ORDER BY position').all() as { id: string }[]).map((l) => l.id)

  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, source, url, author, published_at, imported_at, original_name, original_type, original, text, content_hash, document)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`
  )
  const insertHighlight = db.prepare(
    `INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at, label_id) VALUES (?, ?, ?, ?, ?, '', '', ?, ?)`
  )
  const insertNote = db.prepare('INSERT INTO notes (highlight_id, content, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)')
  const insertNotebook = db.prepare('INSERT INTO notebooks (article_id, content, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)')
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING')
  const linkTag = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?')
  const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

  // Generated data needs no power-loss safety; FULL is restored for the export itself.
  db.pragma('synchronous = OFF')
  db.transaction(() => {
    for (const tag of TAGS) insertTag.run(tag)
    for (let a = 0; a < articles; a++) {
      const id = uuid(1, a)
      const paragraphs = Array.from({ length: highlightsPerArticle }, () => `${sentence(30)}.`)
      const text = paragraphs.join('\n\n')
      const title = `${sentence(5)} ${a}`.replace(/^\w/, (c) => c.toUpperCase())
      const imported = new Date(Date.UTC(2026, 0, 1) + a * 60_000).toISOString()
      insertArticle.run(
        id, title, pick(SOURCES), `https://news.example.com/${a}`, pick(AUTHORS), '2026-01-01', imported, `${a}.txt`,
        Buffer.from(text), text, createHash('sha1').update(id).digest('hex'), JSON.stringify({ version: 1, blocks: [] })
      )
      linkTag.run(id, pick(TAGS))
      const book = pick(notes)
      insertNotebook.run(id, book.content, book.plainText, book.markdown, imported)
      let offset = 0
      for (let h = 0; h < highlightsPerArticle; h++) {
        const hid = uuid(2, a * highlightsPerArticle + h)
        const paragraph = paragraphs[h]!
        const exact = paragraph.slice(0, 60 + Math.floor(rand() * 140))
        insertHighlight.run(hid, id, offset, offset + exact.length, exact, imported, pick(labels))
        const note = pick(notes)
        insertNote.run(hid, note.content, note.plainText, note.markdown, imported)
        offset += paragraph.length + 2
      }
    }
  })()
  db.pragma('synchronous = FULL')
}

const TAGS = ['baltic', 'arctic', 'shipping', 'energy', 'north sea', 'insurance']
const SOURCES = ['The Daily Test', 'Harbour Weekly', 'Port Gazette', 'Maritime Review']
const AUTHORS = ['Jane Roe', 'John Doe', 'A. Analyst', 'Kim Lee']
const WORDS =
  'the port authority said insurers would not cover cargo on the new corridor until naval escorts were agreed ' +
  'talks stalled on tuesday as ministers met in the capital shipping rates rose #sharply and [analysts] warned of *delays* ' +
  'a spokesperson declined to comment the ice season begins early this year 12. figures - grain exports fell by 8% <b> & more'
