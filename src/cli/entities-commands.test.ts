import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossierOn, type DossierCli } from '../../test/support/spawn-dossier'
import { CEASEFIRE, PORT_RAID } from '../shared/entities/fixtures/news-en'

/** `dossier entities` and `dossier timeline`, spawned as a user runs them (bin/dossier.js). */
let dir: string
let db: string
let cli: DossierCli

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-entities-cli-'))
  db = join(dir, 'library.sqlite')
  cli = dossierOn(db, dir)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface EntityJson {
  id: string
  name: string
  type: string
  aliases: string[]
  mentions: { articleId: string; start: number; end: number; text: string }[]
}

interface EventJson {
  id: string
  date: string
  dateEnd: string | null
  precision: string
  sentence: string
  articleId: string
  start: number
  end: number
  confirmed: boolean
}

describe('dossier entities and timeline', () => {
  it('lists the entities and dated events of imported articles, filtered by type, article and case', { timeout: 300_000 }, async () => {
    writeFileSync(join(dir, 'raid.txt'), `Port raid\n\n${PORT_RAID.text}`)
    writeFileSync(join(dir, 'ceasefire.txt'), `Ceasefire talks\n\nPublished 3 June 2025\n\n${CEASEFIRE.text}`)
    const imported = await cli.ok<{ articleId: string; file: string }[]>('import', 'raid.txt', 'ceasefire.txt')
    const [raid, talks] = imported.map((r) => r.articleId)

    const all = await cli.ok<EntityJson[]>('entities')
    const kaya = all.find((e) => e.name === 'Ömer Faruk Kaya')!
    expect(kaya).toMatchObject({ type: 'person', aliases: ['Kaya'] })
    expect(kaya.mentions.map((m) => [m.articleId, m.text])).toEqual([
      [raid, 'Ömer Faruk Kaya'],
      [raid, 'Kaya']
    ])
    const places = await cli.ok<EntityJson[]>('entities', '--type', 'place')
    expect(places.every((e) => e.type === 'place')).toBe(true)
    expect(places.map((e) => e.name)).toEqual(expect.arrayContaining(['Rostov-on-Don', 'Kinshasa', 'Doha']))
    const selectors = await cli.ok<EntityJson[]>('entities', '--type', 'selector', '--article', raid!)
    expect(selectors.map((e) => e.name).sort()).toEqual(['IMO 9395044', 'NL91ABNA0417164300', 'm.jansen@jansenlegal.nl'])

    const timeline = await cli.ok<EventJson[]>('timeline', '--article', talks!)
    expect(timeline.map((e) => [e.date, e.dateEnd, e.precision])).toEqual(
      expect.arrayContaining([
        ['2025-06-01', null, 'day'],
        ['2025-01', '2025-04', 'month'],
        ['2023', null, 'year']
      ])
    )
    expect(timeline.every((e) => e.articleId === talks && !e.confirmed && e.sentence.length > 0)).toBe(true)
    const dates = timeline.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())

    const created = await cli.ok<{ id: string }>('case', 'create', 'Ceasefire')
    await cli.ok('case', 'add', created.id, talks!)
    const inCase = await cli.ok<EventJson[]>('timeline', '--case', created.id)
    expect(new Set(inCase.map((e) => e.articleId))).toEqual(new Set([talks]))
    // The app's exports, on stdout: CSV with ISO dates at each event's precision, Markdown citing the article.
    const csv = await cli.dossier('timeline', '--case', created.id, '--format', 'csv')
    expect(csv.code).toBe(0)
    const rows = csv.stdout.replace(/^\uFEFF/, '').split('\r\n')
    expect(rows[0]).toBe('date,date_end,precision,label,sentence,article,source,published,confirmed,origin,link')
    expect(rows.filter((r) => r.startsWith('2025-01,2025-04,month,'))).toHaveLength(1)
    expect(rows.filter((r) => /^2023,,year,/.test(r))).toHaveLength(1)
    const md = await cli.dossier('timeline', '--case', created.id, '--format', 'md')
    expect(md.stdout.split('\n')[0]).toBe('# Timeline: Ceasefire')
    expect(md.stdout).toMatch(/^- \*\*Jan|^- \*\*2025-01–2025-04\*\* .*\(Ceasefire talks, /m)

    const text = await cli.dossier('entities', '--type', 'org')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^TYPE {6}MENTIONS {2}NAME \(ALIASES\)\n/)
  })

  it('refuses a wrong type, an unknown article or case with one line', { timeout: 300_000 }, async () => {
    const wrong = await cli.dossier('entities', '--type', 'ship')
    expect({ code: wrong.code, stderr: wrong.stderr }).toEqual({ code: 2, stderr: "dossier: --type is one of person, org, place, selector, not 'ship'. Run dossier --help.\n" })
    const missing = await cli.dossier('timeline', '--case', '00000000-0000-4000-8000-000000000000')
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({ code: 1, stderr: 'dossier: No case with id 00000000-0000-4000-8000-000000000000.\n' })
    const format = await cli.dossier('timeline', '--format', 'pdf')
    expect({ code: format.code, stderr: format.stderr }).toEqual({ code: 2, stderr: "dossier: --format must be csv or md, not 'pdf'. Run dossier --help.\n" })
    expect((await cli.dossier('timeline', '--format', 'md', '--json')).code).toBe(2)
    const article = await cli.dossier('entities', '--article', 'nope')
    expect(article.code).toBe(1)
    expect(article.stderr).toMatch(/^dossier: [^\n]*nope[^\n]*\n$/)
  })
})
