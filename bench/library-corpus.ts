import type Database from 'better-sqlite3'
import { paragraphsDocument } from '../src/shared/document/article-document'
import { random, zipf } from './corpus'
import { cjkWriter } from './cjk-corpus'
import { buildCjkIndexes, CJK_INDEXES } from '../src/main/db/cjk-index'

/**
 * A generated library written straight into a Dossier database (already migrated), for the
 * search and library benchmarks and for end-to-end tests that need thousands of articles
 * without importing them. Seeded, so every run builds the same library.
 *
 * Words follow Zipf's law (rank r has frequency ∝ 1/r^1.07, as in English text) over a
 * vocabulary of generated words, so there are very common, common and rare terms as real
 * text has. A few fixed phrases are sown into a known share of articles for phrase queries.
 *
 * Speed: everything goes in one transaction through prepared statements, with the full-text
 * triggers dropped during the load and the indexes built once at the end with FTS5's
 * 'rebuild' (far faster than a million incremental inserts). The facet triggers stay on.
 */
export const CORPUS_VERSION = 3

export interface CorpusOptions {
  articles: number
  /** Highlights per article on average; a third of them carry a note. */
  highlightsPerArticle: number
  /** Words of body text per article. */
  words: number
  seed?: number
  /** Store the block document the reader draws (doubles the text stored; the benchmark skips it). */
  documents?: boolean
  /** Share of articles moved to the Trash. */
  trashed?: number
  /** Titles like "Article 00042" instead of generated words, for tests that look for a row. */
  numberedTitles?: boolean
  /** First imported_at; each article is imported one second after the previous one. */
  startIso?: string
  /** Share of articles written in Chinese or Japanese (half each), with their highlights and notes. */
  cjkShare?: number
}

export interface CorpusCounts {
  articles: number
  highlights: number
  notes: number
  /** Articles written in Chinese or Japanese. */
  cjkArticles: number
  /** Time to build the CJK side index once the rows are in (what migration 051 does). */
  cjkIndexSeconds: number
}

/** Phrases sown into articles so phrase queries have answers: [phrase, share of articles]. */
export const SOWN_PHRASES: readonly [string, number][] = [
  ['grain corridor', 0.01],
  ['port authority', 0.05],
  ['icebreaker pact', 0.001]
]
export const SOURCES = ['Baltic Times', 'Reuters', 'Harbour Daily', 'Financial Review', 'Port Gazette', 'Maritime Wire', 'Nordic Post', 'Coastal Herald']
export const TAGS = Array.from({ length: 30 }, (_, i) => `topic-${i + 1}`)
const LABEL_IDS = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`)


const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'an', 'ves', 'dor', 'pa', 'ri', 'sun', 'bel', 'for', 'ha', 'gen', 'tu', 'mar', 'lis', 'no', 'vik', 'ost', 'ra', 'sel', 'din', 'qua']

/**
 * Generated words, unique by construction (the rank written in base 24, one syllable a digit),
 * so the most frequent words are the shortest, as in real languages. A handful of real words sit
 * at known ranks for the benchmark's queries.
 */
export function vocabulary(size: number): string[] {
  const words: string[] = []
  for (let i = 0; i < size; i++) {
    let n = i + SYLLABLES.length
    let w = ''
    while (n > 0) {
      w = SYLLABLES[n % SYLLABLES.length]! + w
      n = Math.floor(n / SYLLABLES.length)
    }
    words.push(w)
  }
  // Ranks chosen for the benchmark's queries: very common, common, rare.
  const placed: [number, string][] = [
    [0, 'the'],
    [2, 'said'],
    [40, 'shipping'],
    [150, 'insurers'],
    [600, 'tanker'],
    [5000, 'sanctions'],
    [30000, 'kaliningrad']
  ]
  for (const [rank, word] of placed) if (rank < size) words[rank] = word
  return words
}

function uuid(rnd: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(rnd() * 16)
        .toString(16)
    ).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`
}

function noteState(text: string): string {
  return JSON.stringify({
    root: {
      children: [
        {
          children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
          direction: null,
          format: '',
          indent: 0,
          type: 'paragraph',
          version: 1,
          textFormat: 0,
          textStyle: ''
        }
      ],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1
    }
  })
}

/** The full-text triggers of migration 009, dropped during a bulk load and put back after it. */
function ftsTriggers(db: Database.Database): { name: string; sql: string }[] {
  return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]
}

export function seedLibrary(db: Database.Database, options: CorpusOptions): CorpusCounts {
  const rnd = random(options.seed ?? 20261202)
  const words = vocabulary(50_000)
  const nextWord = zipf(words.length, 1.07, rnd)
  const sentence = (n: number) => {
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push(words[nextWord()]!)
    return out
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const sourceRank = zipf(SOURCES.length, 1, rnd)
  const authors = Array.from({ length: 400 }, (_, i) => `Author ${i + 1}`)
  const start = Date.parse(options.startIso ?? '2025-01-01T00:00:00.000Z')

  const insertArticle = db.prepare(`INSERT INTO articles (id, title, source, url, author, published_at, imported_at, original_name,
      original_type, original, text, content_hash, document, dateline, language, deleted_at)
    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 'text', ?, ?, ?, ?, NULL, 'en', ?)`)
  const insertHighlight = db.prepare(`INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at, label_id)
    VALUES (?, ?, ?, ?, ?, '', '', ?, ?)`)
  const insertNote = db.prepare('INSERT INTO notes (highlight_id, content, plain_text, updated_at) VALUES (?, ?, ?, ?)')
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING')
  const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck()
  const linkTag = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  const emptyDocument = JSON.stringify({ version: 1, blocks: [] })
  const empty = Buffer.alloc(0)
  const counts: CorpusCounts = { articles: 0, highlights: 0, notes: 0, cjkArticles: 0, cjkIndexSeconds: 0 }
  // Its own stream, so libraries without a CJK share are the same as before it existed.
  const cjk = options.cjkShare ? cjkWriter(random((options.seed ?? 20261202) + 1)) : null

  const triggers = ftsTriggers(db)
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
    for (const tag of TAGS) insertTag.run(tag)
    const tagIds = TAGS.map((t) => tagId.get(t) as number)
    for (let a = 0; a < options.articles; a++) {
      const id = uuid(rnd)
      const language = cjk && rnd() < options.cjkShare! ? (rnd() < 0.5 ? 'zh' : 'ja') : null
      let text: string
      let title: string
      if (cjk && language) {
        // About as many characters as a Latin article has words: CJK text is that much denser.
        text = cjk.text(language, options.words * 2.5)
        title = options.numberedTitles ? `Article ${String(a + 1).padStart(5, '0')}` : cjk.title(language)
        counts.cjkArticles++
      } else {
        const paragraphs: string[] = []
        let left = options.words
        while (left > 0) {
          const n = Math.min(left, 30 + Math.floor(rnd() * 50))
          left -= n
          const ws = sentence(n)
          for (const [phrase, share] of SOWN_PHRASES) {
            if (rnd() < share) ws.splice(Math.floor(rnd() * ws.length), 0, ...phrase.split(' '))
          }
          const text = ws.join(' ')
          paragraphs.push(`${text[0]!.toUpperCase()}${text.slice(1)}.`)
        }
        text = paragraphs.join('\n\n')
        title = options.numberedTitles ? `Article ${String(a + 1).padStart(5, '0')}` : sentence(4 + Math.floor(rnd() * 5)).join(' ')
      }
      const importedAt = new Date(start + a * 1000).toISOString()
      const published = new Date(Date.UTC(2015 + Math.floor(rnd() * 11), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))).toISOString().slice(0, 10)
      const trashed = options.trashed && rnd() < options.trashed ? importedAt : null
      insertArticle.run(
        id,
        title,
        SOURCES[sourceRank()]!,
        pick(authors),
        published,
        importedAt,
        `generated-${a + 1}.txt`,
        empty,
        text,
        `generated-${id}`,
        options.documents ? JSON.stringify(paragraphsDocument(text)) : emptyDocument,
        trashed
      )
      counts.articles++
      const tagCount = Math.floor(rnd() * 3)
      for (let t = 0; t < tagCount; t++) linkTag.run(id, tagIds[Math.floor(rnd() * tagIds.length)]!)

      // Highlights: word-aligned passages of the text, so each quote is exactly its range.
      const n = Math.round(options.highlightsPerArticle * (0.5 + rnd()))
      for (let h = 0; h < n; h++) {
        let s = Math.floor(rnd() * Math.max(1, text.length - 200))
        let e: number
        if (language) {
          // No spaces to align to: a passage of 20 to 80 characters (the vocabulary is all BMP).
          e = Math.min(text.length, s + 20 + Math.floor(rnd() * 60))
        } else {
          s = s === 0 ? 0 : text.indexOf(' ', s) + 1
          e = text.indexOf(' ', s + 40 + Math.floor(rnd() * 120))
          if (e === -1) e = text.length
        }
        if (e <= s) continue
        const hid = uuid(rnd)
        insertHighlight.run(hid, id, s, e, text.slice(s, e), importedAt, pick(LABEL_IDS))
        counts.highlights++
        if (rnd() < 1 / 3) {
          const plain = cjk && language ? cjk.text(language, 20 + Math.floor(rnd() * 40)) : sentence(8 + Math.floor(rnd() * 20)).join(' ')
          insertNote.run(hid, noteState(plain), plain, importedAt)
          counts.notes++
        }
      }
    }
    for (const t of triggers) db.exec(t.sql)
    for (const fts of ['articles_fts', 'highlights_fts', 'notes_fts', 'notebooks_fts']) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`)
    const started = performance.now()
    buildCjkIndexes(db)
    counts.cjkIndexSeconds = (performance.now() - started) / 1000
  })()
  // One b-tree per index instead of the segments the rebuild left, as a long-lived library has.
  for (const fts of ['articles_fts', 'highlights_fts', 'notes_fts', ...CJK_INDEXES.map((i) => i.fts)]) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`)
  return counts
}
