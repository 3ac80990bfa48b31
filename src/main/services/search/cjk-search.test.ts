import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SearchGroup, SearchResults } from '../../../shared/search/search-types'
import { importText, plainNoteState, tempServices, type TempServices } from '../../../../test/support/temp-services'
import { CJK_NEWS, LATIN_NEWS } from '../../../shared/search/fixtures/cjk-news'
import { backfillCjkBatch, cjkBackfillPending, registerSearchFunctions } from '../../db/cjk-index'
import { openDatabase } from '../../db/open-database'
import { CJK_INDEXING_NOTICE, cjkGlob, inCjkBlock } from '../../../shared/search/cjk'
import { CjkBackfill } from './cjk-backfill'
import { SearchEngine } from './search-engine'

async function library() {
  const s = tempServices()
  const ids: Record<string, string> = {}
  for (const [key, text] of Object.entries(CJK_NEWS)) ids[key] = await importText(s, `${key}.txt`, text)
  ids.latin = await importText(s, 'latin.txt', LATIN_NEWS)
  return { s, ids }
}

async function search(s: TempServices, query: string): Promise<SearchResults> {
  const result = await s.dispatch('search.query', { query })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as SearchResults
}

const found = async (s: TempServices, ids: Record<string, string>, query: string) => {
  const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]))
  return (await search(s, query)).groups.map((g) => names.get(g.articleId)).sort()
}
const marked = (g: SearchGroup) => g.hits.flatMap((h) => h.snippet.parts.filter((p) => p.match).map((p) => p.text))

describe('Chinese and Japanese search', () => {
  it('finds words wherever they stand in a run of text: one, two, three and more characters', async () => {
    const { s, ids } = await library()
    // Two characters in the middle of 上海港集装箱运价本周上涨.
    expect(await found(s, ids, '运价')).toEqual(['zhShipping'])
    expect(await found(s, ids, '集装箱')).toEqual(['zhShipping'])
    expect(await found(s, ids, '好望角')).toEqual(['zhShipping'])
    expect(await found(s, ids, '稀土')).toEqual(['zhRareEarth'])
    // A single character: every article holding it, and only those.
    expect(await found(s, ids, '稀')).toEqual(['zhRareEarth'])
    expect(await found(s, ids, '港')).toEqual(['jaTankers', 'zhShipping'])
    // Kanji and kana together, and a katakana word with its long-vowel mark.
    expect(await found(s, ids, '小池')).toEqual(['jaQuake'])
    expect(await found(s, ids, 'を発表')).toEqual(['jaQuake'])
    expect(await found(s, ids, '発表した')).toEqual(['jaBatteries', 'jaQuake'])
    expect(await found(s, ids, '防災計画')).toEqual(['jaQuake'])
    expect(await found(s, ids, 'タンカー')).toEqual(['jaTankers'])
    expect(await found(s, ids, '輸出規制')).toEqual(['jaBatteries'])
    // A word that is not there, though each of its characters is.
    expect(await found(s, ids, '港湾運価')).toEqual([])
    s.close()
  })

  it('marks exactly the words found, in the passage around them', async () => {
    const { s } = await library()
    const group = (await search(s, '運価 OR 运价')).groups[0]!
    expect(marked(group)).toEqual(['运价'])
    const hit = group.hits.find((h) => h.kind === 'text')!
    expect(s.articles.get(group.articleId).text.slice(hit.start!, hit.end!)).toBe('运价')
    const tankers = (await search(s, '原油タンカー')).groups[0]!
    expect(marked(tankers)).toContain('原油タンカー')
    s.close()
  })

  it('reads full-width punctuation as a separator, and a query typed with it', async () => {
    const { s, ids } = await library()
    expect(await found(s, ids, '「安全確認を徹底する」')).toEqual(['jaTankers'])
    expect(await found(s, ids, '百分之十二。')).toEqual(['zhShipping'])
    // The words on either side of 。 are not a phrase of adjacent characters.
    expect(await found(s, ids, '十二多家')).toEqual([])
    expect((await search(s, '、。「」')).groups).toEqual([])
    s.close()
  })

  it('mixes scripts: a Latin word in the run, Latin alternatives, exclusions, filters', async () => {
    const { s, ids } = await library()
    expect(await found(s, ids, 'EV向け')).toEqual(['jaBatteries'])
    expect(await found(s, ids, 'ev 電池')).toEqual(['jaBatteries'])
    expect(await found(s, ids, '2027年')).toEqual(['jaBatteries'])
    // An alternative in either script finds the Latin article and the Japanese one.
    expect(await found(s, ids, 'tanker OR タンカー')).toEqual(['jaTankers', 'latin'])
    expect(await found(s, ids, '港 -大阪')).toEqual(['zhShipping'])
    expect(await found(s, ids, 'osaka -タンカー')).toEqual(['latin'])
    s.articles.setTags(ids.zhRareEarth!, ['trade'])
    expect(await found(s, ids, '出口 tag:trade')).toEqual(['zhRareEarth'])
    s.close()
  })

  it('finds highlights and notes, and follows edits and deletions', async () => {
    const { s, ids } = await library()
    const text = s.articles.get(ids.jaQuake!).text
    const quote = '帰宅困難者の受け入れ施設'
    const h = s.highlights.create(ids.jaQuake!, text.indexOf(quote), text.indexOf(quote) + quote.length)
    s.notes.save(h.id, plainNoteState('区の担当者に確認すること。'))
    const r = await search(s, '困難 OR 担当者')
    expect(r.groups[0]!.hits.map((x) => x.kind).sort()).toEqual(['highlight', 'note', 'text'])
    s.notes.save(h.id, plainNoteState('Check with the ward.'))
    expect((await search(s, '担当者')).groups).toEqual([])
    s.highlights.delete(h.id)
    expect((await search(s, '困難 in:highlights')).groups).toEqual([])
    s.articles.updateMetadata(ids.latin!, { title: '大阪港の保険料' })
    expect(await found(s, ids, '保険料')).toEqual(['latin'])
    s.close()
  })


  it('accepts any mix of scripts, operators and symbols without an error', async () => {
    const { s } = await library()
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('港', '運価', 'タンカー', '"', '*', '-', ' OR ', ' ', '。', '𠮷', '👩‍👩‍👧', 'tag:x'))
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const r = await s.dispatch('search.query', { query: pieces.join('') })
        expect(r.ok).toBe(true)
      }),
      { numRuns: 60 }
    )
    s.close()
  }, 60_000)
})

describe('Latin search with the CJK side index', () => {
  it('returns exactly what it returned without it, for any Latin query', async () => {
    const { s } = await library()
    const withSide = new SearchEngine(s.db)
    const without = new SearchEngine(s.db, { cjk: false })
    const word = fc.constantFrom('tanker', 'tankers', 'insurers', 'port', 'osaka', 'red', 'sea', 'premiums', 'monday', 'ev', '2027', 'the', 'ta', 'officials')
    const term = fc.oneof(
      word,
      word.map((w) => `${w}*`),
      fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
      word.map((w) => `-${w}`),
      fc.constantFrom('OR', 'in:highlights', 'in:articles', 'source:osaka', 'after:2020')
    )
    await fc.assert(
      fc.asyncProperty(fc.array(term, { minLength: 1, maxLength: 4 }), async (terms) => {
        const q = terms.join(' ')
        expect(withSide.search(q), q).toEqual(without.search(q))
      }),
      { numRuns: 200 }
    )
    s.close()
  })
})

describe('the side index\'s membership rule', () => {
  it('holds a text exactly when a character of it is in the CJK blocks, its coarse first test turning none away', () => {
    const db = new Database(':memory:')
    const rule = db.prepare<[string | null], number>(`WITH t(v) AS (SELECT ?) SELECT ${cjkGlob('t.v')} FROM t`).pluck()
    // Characters on either side of every block's edges, and the common ones of other scripts (quotes, ligatures, emoji).
    const near = [0x10ff, 0x1100, 0x11ff, 0x1200, 0x2019, 0x3004, 0x3005, 0x3007, 0x3008, 0x303f, 0x3040, 0x30ff, 0x3100, 0x3130, 0x4dbf, 0x4dc0, 0x4e00, 0x9fff, 0xa000, 0xac00, 0xd7ff, 0xe000, 0xf900, 0xfb01, 0xfeff, 0xff65, 0xff66, 0xff9f, 0xffa0, 0xfffd, 0x1afff, 0x1b000, 0x1f600, 0x20000, 0x3134f, 0x31350]
    const char = fc.oneof(fc.constantFrom(...near.map((cp) => String.fromCodePoint(cp))), fc.constantFrom('a', ' ', 'é', '—', '’', '\n'))
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        const text = chars.join('')
        expect(rule.get(text)).toBe([...text].some((c) => inCjkBlock(c.codePointAt(0)!)) ? 1 : 0)
      }),
      { numRuns: 500 }
    )
    expect(rule.get(null)).toBe(0)
    db.close()
  })

  it('is the rule of every side index\'s triggers, in a library made before migration 086 too', async () => {
    const { s, ids } = await library()
    const path = s.dbPath
    s.close()
    // The triggers as migration 051 wrote them: the exact class alone.
    const old = new Database(path)
    registerSearchFunctions(old)
    const exact = (sql: string) => sql.replace(/\(coalesce\(([\w.]+) GLOB '[^']*', 0\) AND (coalesce\(\1 GLOB '[^']*', 0\))\)/g, '$2')
    const triggers = () => old.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_cjk_fts_%'").all()
    expect(triggers()).toHaveLength(12)
    for (const t of triggers()) old.exec(`DROP TRIGGER ${t.name}; ${exact(t.sql)}`)
    expect(triggers().every((t) => exact(t.sql) === t.sql)).toBe(true)
    old.exec('DELETE FROM schema_migrations WHERE version = 86')
    old.close()
    const db = openDatabase(path, { backupBeforeMigration: false })
    const sqls = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_cjk_fts_%'").pluck().all()
    expect(sqls.every((sql) => sql.includes('GLOB') && exact(sql) !== sql)).toBe(true)
    // Still indexed as before: an edit to a Chinese article is found, a Latin article stays out.
    const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(ids.zhShipping) as string
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(text.replace('集装箱', '冷藏船'), ids.zhShipping)
    expect(new SearchEngine(db).search('冷藏船').groups.map((g) => g.articleId)).toEqual([ids.zhShipping])
    expect(db.prepare('SELECT count(*) FROM articles_cjk_fts').pluck().get()).toBe(Object.keys(CJK_NEWS).length)
    db.close()
  })
})

describe('migration 051', () => {
  /** The library as a Dossier before 051 left it: no side index, no queue. */
  async function libraryBefore051() {
    const { s, ids } = await library()
    const path = s.dbPath
    s.close()
    const old = new Database(path)
    for (const t of ['articles', 'highlights', 'notes', 'notebooks']) {
      for (const on of ['insert', 'update', 'delete']) old.exec(`DROP TRIGGER ${t}_cjk_fts_${on}`)
      old.exec(`DROP TABLE ${t}_cjk_fts`)
    }
    old.exec('DROP TABLE cjk_backfill')
    old.exec('DELETE FROM schema_migrations WHERE version IN (51, 66)')
    old.close()
    return { path, ids }
  }

  it('opens an older library without reading its texts, and indexes its CJK rows in the background, saying so meanwhile', async () => {
    const { path, ids } = await libraryBefore051()
    const db = openDatabase(path, { backupBeforeMigration: false })
    // Nothing indexed yet: the migration only queued the rows.
    expect(db.prepare('SELECT count(*) FROM articles_cjk_fts').pluck().get()).toBe(0)
    const before = new SearchEngine(db).search('集装箱')
    expect(before.notice).toBe(CJK_INDEXING_NOTICE)
    // A Latin search is complete already, and says nothing.
    expect(new SearchEngine(db).search('harbour').notice).toBeNull()
    await new CjkBackfill(db).run()
    expect(db.prepare('SELECT count(*) FROM articles_cjk_fts').pluck().get()).toBe(Object.keys(CJK_NEWS).length)
    const after = new SearchEngine(db).search('集装箱')
    expect(after.groups.map((g) => g.articleId)).toEqual([ids.zhShipping])
    expect(after.notice).toBeNull()
    db.close()
  })

  it('holds a row edited while it waited once, with its new text, whatever the batch size', async () => {
    const { path, ids } = await libraryBefore051()
    const db = openDatabase(path, { backupBeforeMigration: false })
    // The triggers index the edited row at once; the backfill reaches it later and must not add it twice.
    const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(ids.zhShipping) as string
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(text.replace('集装箱', '冷藏船'), ids.zhShipping)
    expect(new SearchEngine(db).search('冷藏船').groups.map((g) => g.articleId)).toEqual([ids.zhShipping])
    while (backfillCjkBatch(db, 1));
    expect(db.prepare('SELECT count(*) FROM articles_cjk_fts').pluck().get()).toBe(Object.keys(CJK_NEWS).length)
    expect(new SearchEngine(db).search('冷藏船').groups.map((g) => g.articleId)).toEqual([ids.zhShipping])
    expect(new SearchEngine(db).search('集装箱').groups).toEqual([])
    expect(cjkBackfillPending(db)).toBe(false)
    db.close()
  })

  it('indexes every waiting row at once for the CLI, whose `dossier search` does so first', async () => {
    const { path, ids } = await libraryBefore051()
    const s = tempServices({ dbPath: path })
    expect(s.cjkBackfill.pending).toBe(true)
    s.cjkBackfill.runNow()
    expect(s.cjkBackfill.pending).toBe(false)
    expect(await found(s, ids, '集装箱')).toEqual(['zhShipping'])
    s.close()
  })
})
