import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from './run'

// The CLI in the analyst's language (LC_ALL, LC_MESSAGES, LANG), run in-process: one library,
// imported once, read in English, French and Japanese.
let dir: string
let db: string

const LANGS = {
  en: { LANG: 'C' },
  fr: { LANG: 'fr_FR.UTF-8' },
  ja: { LANG: 'ja_JP.UTF-8' },
  ar: { LC_ALL: 'ar_EG.UTF-8', LANG: 'en_US.UTF-8' }
} as const

async function dossier(env: Record<string, string>, ...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: dir })
  return { code, stdout, stderr }
}

let importedFr: Awaited<ReturnType<typeof dossier>>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-lang-'))
  db = join(dir, 'library.sqlite')
  for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `grain-${i}.txt`), `Grain corridor report ${i}\n\nThe grain corridor reopened on Monday; insurers raised premiums ${i} times.\n`)
  writeFileSync(join(dir, 'empty.txt'), '')
  importedFr = await dossier(LANGS.fr, 'import', ...Array.from({ length: 3 }, (_, i) => join(dir, `grain-${i + 1}.txt`)), join(dir, 'empty.txt'), '--db', db)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the CLI in the analyst’s language', () => {
  it('imports in French: statuses, the summary and the failure line on stderr, with the same exit code', () => {
    expect(importedFr.code).toBe(1)
    expect(importedFr.stdout).toMatch(/^importé {4}.*grain-1\.txt — “Grain corridor report 1”$/m)
    expect(importedFr.stdout).toMatch(/^refusé {5}.*empty\.txt — /m)
    expect(importedFr.stdout).toContain('4 fichiers\u00a0: 3 importé(s), 0 doublon(s), 1 refusé(s).')
    expect(importedFr.stderr).toBe('dossier: 1 fichier sur 4 a été refusé.\n')
  })

  it('searches in French and Japanese: kinds, counts and the empty result', async () => {
    const fr = await dossier(LANGS.fr, 'search', 'premiums', '--limit', '20', '--db', db)
    expect(fr.code).toBe(0)
    expect(fr.stdout).toContain('  [texte] ')
    expect(fr.stdout.trimEnd().split('\n').at(-1)).toBe('3 articles.')
    const ja = await dossier(LANGS.ja, 'search', 'premiums', '--db', db)
    expect(ja.stdout).toContain('  [本文] ')
    expect(ja.stdout.trimEnd().split('\n').at(-1)).toBe('3 件の記事。')
    expect((await dossier(LANGS.ja, 'search', 'nothingmatches', '--db', db)).stdout).toBe('"nothingmatches" に一致する結果はありません。\n')
  })

  it('lists with translated headers and numbers and dates formatted for the language', async () => {
    const fr = await dossier(LANGS.fr, 'list', '--limit', '2', '--db', db)
    const [header] = fr.stdout.split('\n')
    expect(header).toMatch(/^ID {2,}IMPORTÉ LE {2,}SURLIGNAGES {2}TITRE$/)
    expect(fr.stdout.trimEnd().split('\n').at(-1)).toBe('2 articles sur 3.')
    const year = String(new Date().getFullYear())
    const month = new Intl.DateTimeFormat('fr', { month: 'short' }).format(new Date())
    expect(fr.stdout.split('\n')[1]).toContain(`${month} ${year}`)
    const ja = await dossier(LANGS.ja, 'list', '--db', db)
    expect(ja.stdout.split('\n')[1]).toMatch(new RegExp(`${year}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2}`))
    expect(ja.stdout.trimEnd().split('\n').at(-1)).toBe('3 件の記事。')
  })

  it('exports in Japanese: the summary through the same catalogs', async () => {
    const ja = await dossier(LANGS.ja, 'export', '--out', 'md-ja', '--db', db)
    expect(ja.code).toBe(0)
    expect(ja.stdout.trimEnd().split('\n').at(-1)).toMatch(/3 件.*md-ja/)
    const fr = await dossier(LANGS.fr, 'export', '--out', 'md-fr', '--format', 'csv', '--db', db)
    expect(fr).toMatchObject({ code: 0, stdout: `0 surlignage écrit dans ${join(dir, 'md-fr', 'highlights.csv')}.\n` })
  })

  it('says the one-line reason in the language, with the same exit codes', async () => {
    const usage = { fr: await dossier(LANGS.fr, 'export', '--db', db), ja: await dossier(LANGS.ja, 'export', '--db', db) }
    expect(usage.fr).toEqual({ code: 2, stdout: '', stderr: 'dossier: export demande --out RÉPERTOIRE, le répertoire où écrire. Voir dossier --help.\n' })
    expect(usage.ja).toEqual({ code: 2, stdout: '', stderr: 'dossier: export には書き出し先のフォルダー --out DIR が必要です。 dossier --help を参照してください。\n' })
    const noCase = await dossier(LANGS.fr, 'report', '--case', 'nope', '--format', 'md', '--out', 'b.md', '--db', db)
    expect(noCase).toMatchObject({ code: 1, stderr: 'dossier: il n’y a pas de dossier nope\u202f; dossier case list les affiche.\n' })
    // A service’s error: the stable code's meaning in the language, main's English detail after it.
    const missing = await dossier(LANGS.ja, 'timeline', '--case', 'nope', '--db', db)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('dossier: この項目はもう存在しません。削除された可能性があります。（No case with id nope.）\n')
    expect((await dossier(LANGS.en, 'timeline', '--case', 'nope', '--db', db)).stderr).toBe('dossier: No case with id nope.\n')
  })

  it('keeps --json byte for byte the same in every language', async () => {
    for (const argv of [
      ['search', 'grain', '--json'],
      ['list', '--json'],
      ['case', 'list', '--json'],
      ['trash', '--json'],
      ['source', 'list', '--json']
    ]) {
      const outputs = []
      for (const env of Object.values(LANGS)) outputs.push(await dossier(env, ...argv, '--db', db))
      expect(outputs[0]!.stdout.length).toBeGreaterThan(2)
      for (const o of outputs) expect(o).toEqual(outputs[0])
    }
  })

  it('prints the help in the language, every command line as in English', async () => {
    const help = Object.fromEntries(await Promise.all(Object.entries(LANGS).map(async ([lang, env]) => [lang, await dossier(env, '--help')] as const)))
    const synopsis = (text: string) => text.split('\n').filter((line) => /^ {2}(dossier|\s{18}\[)/.test(line)).map((line) => line.slice(0, 36).trimEnd())
    expect(synopsis(help.en!.stdout).length).toBeGreaterThan(20)
    for (const lang of ['fr', 'ja', 'ar'] as const) {
      expect(help[lang]).toMatchObject({ code: 0, stderr: '' })
      expect(synopsis(help[lang]!.stdout)).toEqual(synopsis(help.en!.stdout))
    }
    expect(help.fr!.stdout).toContain('Afficher cette aide.')
    expect(help.ja!.stdout).toContain('このヘルプを表示します。')
    expect(help.ar!.stdout).toContain('عرض هذه المساعدة.')
    expect(help.en!.stdout).toContain('Show this help.')
  })
})
