import Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { migration001 } from '../../src/main/db/migrations/001-initial'

export interface OldLibrary {
  version: number
  articleIds: string[]
}

/**
 * A library as the first Dossier wrote it (schema 1), with articles, tags, highlights and notes:
 * opening it runs every migration since, in one transaction, after a backup. Large enough that
 * the upgrade takes a while, so random kills land inside it.
 */
export function writeOldLibrary(path: string, noteContent: string, articles = 100): OldLibrary {
  const db = new Database(path)
  try {
    db.exec(migration001.up as string)
    db.pragma('user_version = 1')
    const insertArticle = db.prepare(
      `INSERT INTO articles (id, title, source, url, author, published_at, imported_at, original_name, original_type, original, text, content_hash)
       VALUES (?, ?, NULL, NULL, NULL, NULL, ?, ?, 'text', ?, ?, ?)`
    )
    const insertHighlight = db.prepare('INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at) VALUES (?, ?, 0, 9, ?, ?, ?, ?)')
    const insertNote = db.prepare('INSERT INTO notes (highlight_id, content, plain_text, updated_at) VALUES (?, ?, ?, ?)')
    db.prepare("INSERT INTO tags (id, name) VALUES (1, 'archive')").run()
    const tag = db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, 1)')
    const ids: string[] = []
    db.transaction(() => {
      for (let i = 0; i < articles; i++) {
        const id = randomUUID()
        const title = `Archive report ${i}`
        const paragraphs = Array.from({ length: 20 }, (_, p) => `Paragraph ${p} of report ${i}: shipping through the sound resumed after the ice broke up.`)
        const text = [title, ...paragraphs].join('\n\n')
        const at = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()
        insertArticle.run(id, title, at, `report-${i}.txt`, Buffer.from(text), text, createHash('sha256').update(text).digest('hex'))
        tag.run(id)
        const h = randomUUID()
        insertHighlight.run(h, id, text.slice(0, 9), '', text.slice(9, 41), at)
        insertNote.run(h, noteContent, 'archive note', at)
        ids.push(id)
      }
    })()
    return { version: 1, articleIds: ids }
  } finally {
    db.close()
  }
}
