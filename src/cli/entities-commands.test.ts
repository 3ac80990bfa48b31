import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CEASEFIRE, PORT_RAID } from '../shared/entities/fixtures/news-en'

/** `dossier entities` and `dossier timeline`, spawned as a user runs them (bin/dossier.js). */
const root = resolve(__dirname, '..', '..')
let dir: string
let db: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-entities-cli-'))
  db = join(dir, 'library.sqlite')
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function dossier(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') }
    const child = spawn(process.execPath, [join(root, 'bin', 'dossier.js'), ...args, '--db', db], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

async function ok<T>(...args: string[]): Promise<T> {
  const r = await dossier(...args, '--json')
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
  return JSON.parse(r.stdout) as T
}

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
    const imported = await ok<{ articleId: string; file: string }[]>('import', 'raid.txt', 'ceasefire.txt')
    const [raid, talks] = imported.map((r) => r.articleId)

    const all = await ok<EntityJson[]>('entities')
    const kaya = all.find((e) => e.name === 'Ömer Faruk Kaya')!
    expect(kaya).toMatchObject({ type: 'person', aliases: ['Kaya'] })
    expect(kaya.mentions.map((m) => [m.articleId, m.text])).toEqual([
      [raid, 'Ömer Faruk Kaya'],
      [raid, 'Kaya']
    ])
    const places = await ok<EntityJson[]>('entities', '--type', 'place')
    expect(places.every((e) => e.type === 'place')).toBe(true)
    expect(places.map((e) => e.name)).toEqual(expect.arrayContaining(['Rostov-on-Don', 'Kinshasa', 'Doha']))
    const selectors = await ok<EntityJson[]>('entities', '--type', 'selector', '--article', raid!)
    expect(selectors.map((e) => e.name).sort()).toEqual(['IMO 9395044', 'NL91ABNA0417164300', 'm.jansen@jansenlegal.nl'])

    const timeline = await ok<EventJson[]>('timeline', '--article', talks!)
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

    const created = await ok<{ id: string }>('case', 'create', 'Ceasefire')
    await ok('case', 'add', created.id, talks!)
    const inCase = await ok<EventJson[]>('timeline', '--case', created.id)
    expect(new Set(inCase.map((e) => e.articleId))).toEqual(new Set([talks]))

    const text = await dossier('entities', '--type', 'org')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^TYPE {6}MENTIONS {2}NAME \(ALIASES\)\n/)
  })

  it('refuses a wrong type, an unknown article or case with one line', { timeout: 300_000 }, async () => {
    const wrong = await dossier('entities', '--type', 'ship')
    expect({ code: wrong.code, stderr: wrong.stderr }).toEqual({ code: 2, stderr: "dossier: --type is one of person, org, place, selector, not 'ship'. Run dossier --help.\n" })
    const missing = await dossier('timeline', '--case', '00000000-0000-4000-8000-000000000000')
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({ code: 1, stderr: 'dossier: No case with id 00000000-0000-4000-8000-000000000000.\n' })
    const article = await dossier('entities', '--article', 'nope')
    expect(article.code).toBe(1)
    expect(article.stderr).toMatch(/^dossier: [^\n]*nope[^\n]*\n$/)
  })
})
