import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withLibrary } from './open-library'
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
    expect(importedFr.stdout).toMatch(/^importé {4}.*grain-1\.txt — «\u00a0Grain corridor report 1\u00a0»$/m)
    expect(importedFr.stdout).toMatch(/^refusé {5}.*empty\.txt — /m)
    expect(importedFr.stdout).toContain('4 fichiers\u00a0: 3 importé(s), 0 doublon(s), 1 refusé(s).')
    expect(importedFr.stderr).toBe('dossier: 1 fichier sur 4 a été refusé.\n')
  })

  it('says why each file was refused, skipped or already there, in the language, naming the file', async () => {
    // The refused file's line in French: the full path, then the reason worded from its id.
    expect(importedFr.stdout).toContain(`refusé     ${join(dir, 'empty.txt')} — le fichier est vide ou ne contient que des espaces.\n`)
    writeFileSync(join(dir, 'notes.xyz'), 'not a format Dossier reads')
    const files = [join(dir, 'grain-1.txt'), join(dir, 'notes.xyz')]
    const ja = await dossier(LANGS.ja, 'import', ...files, '--db', db)
    expect(ja.code).toBe(1)
    expect(ja.stdout).toContain(`${join(dir, 'grain-1.txt')} — 「Grain corridor report 1」としてライブラリに登録済みです。\n`)
    expect(ja.stdout).toContain(`${join(dir, 'notes.xyz')} — Dossier がインポートできるのは .txt、.md、.html、.pdf、.docx、.epub ファイルです。\n`)
    const ar = await dossier(LANGS.ar, 'import', ...files, '--db', db)
    expect(ar.stdout).toContain(`${join(dir, 'grain-1.txt')} — موجود في المكتبة من قبل بعنوان «Grain corridor report 1».\n`)
    expect(ar.stdout).toContain(`${join(dir, 'notes.xyz')} — يستورد Dossier ملفات`)
    // English reads as main's own sentences, word for word.
    const en = await dossier(LANGS.en, 'import', ...files, join(dir, 'empty.txt'), '--db', db)
    expect(en.stdout).toContain(`duplicate  ${join(dir, 'grain-1.txt')} — already in the library as “Grain corridor report 1”.\n`)
    expect(en.stdout).toContain(`rejected   ${join(dir, 'notes.xyz')} — Dossier imports .txt, .md, .html, .pdf, .docx and .epub files.\n`)
    expect(en.stdout).toContain(`rejected   ${join(dir, 'empty.txt')} — the file is empty or holds only white space.\n`)
    // --json keeps main's English message and no reason, byte for byte the same in every language.
    const json = await Promise.all(Object.values(LANGS).map((env) => dossier(env, 'import', ...files, '--json', '--db', db)))
    const reports = JSON.parse(json[0]!.stdout) as { status: string; message: string }[]
    expect(reports.map((r) => [r.status, r.message])).toEqual([
      ['duplicate', 'grain-1.txt: already in the library as “Grain corridor report 1”.'],
      ['rejected', 'notes.xyz: Dossier imports .txt, .md, .html, .pdf, .docx and .epub files.']
    ])
    for (const o of json) expect(o.stdout).toBe(json[0]!.stdout)
  })

  it('takes --lang over the environment, and refuses a language it does not speak', async () => {
    const fr = await dossier(LANGS.ja, 'search', 'premiums', '--lang', 'fr', '--db', db)
    expect(fr.stdout.trimEnd().split('\n').at(-1)).toBe('3 articles.')
    expect((await dossier(LANGS.fr, '--lang=ja_JP.UTF-8', 'search', 'nothingmatches', '--db', db)).stdout).toBe('"nothingmatches" に一致する結果はありません。\n')
    // A usage error after --lang is explained in that language.
    expect(await dossier(LANGS.en, '--lang', 'fr', 'export', '--db', db)).toMatchObject({ code: 2, stderr: 'dossier: export demande --out RÉPERTOIRE, le répertoire où écrire. Voir dossier --help.\n' })
    expect(await dossier(LANGS.fr, 'list', '--lang', 'de', '--db', db)).toEqual({ code: 2, stdout: '', stderr: 'dossier: --lang vaut l’une des langues en, fr, ar, ja, pas «\u00a0de\u00a0». Voir dossier --help.\n' })
    expect((await dossier(LANGS.en, 'list', '--lang', '--db', db)).code).toBe(2)
    expect((await dossier(LANGS.en, '--help', '--lang', 'ar')).stdout).toContain('عرض هذه المساعدة.')
    // With no LC_ALL, LC_MESSAGES or LANG (a Windows shell), the system's locale is followed.
    let stdout = ''
    await run(['search', 'premiums', '--db', db], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, cwd: dir, systemLocale: 'ja-JP' })
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('3 件の記事。')
  })

  it('lists the Trash and backups, and a search notice, in the language', async () => {
    const [article] = (JSON.parse((await dossier(LANGS.en, 'list', '--json', '--db', db)).stdout) as { items: { id: string }[] }).items
    const { stdout } = await dossier(LANGS.en, 'highlight', article!.id, '--quote', 'grain corridor', '--json', '--db', db)
    const highlight = JSON.parse(stdout) as { id: string }
    await withLibrary(db, dir, (services) => services.highlights.delete(highlight.id))
    // The highlight's line says where it was: the article's title is the analyst's, the words around it the language's.
    expect((await dossier(LANGS.fr, 'trash', '--db', db)).stdout).toMatch(/ \(dans «\u00a0Grain corridor report \d\u00a0»\)\n/)
    expect((await dossier(LANGS.en, 'trash', '--db', db)).stdout).toMatch(/ \(in “Grain corridor report \d”\)\n/)
    await dossier(LANGS.en, 'backup', '--db', db)
    expect((await dossier(LANGS.fr, 'backup', '--list', '--db', db)).stdout).toContain('Faite à la main')
    expect((await dossier(LANGS.fr, 'search', '--db', db, '--', '-premiums')).stdout).toContain('Ajoutez')
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
    // A service’s refusal: its reason worded whole in the language, the same exit code.
    const missing = await dossier(LANGS.ja, 'timeline', '--case', 'nope', '--db', db)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('dossier: ID が nope のケースはありません。\n')
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

  it('names the seeded labels in the language in highlights and exports; --json and JSON keep the stored names', async () => {
    const [article] = (JSON.parse((await dossier(LANGS.en, 'list', '--json', '--db', db)).stdout) as { items: { id: string }[] }).items
    // The analyst may type the name they read.
    const made = await dossier(LANGS.fr, 'highlight', article!.id, '--quote', 'insurers raised premiums', '--label', 'fait clé', '--db', db)
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(/^\S+ {2}Fait clé {2}/)
    expect((await dossier(LANGS.fr, 'highlight', article!.id, '--quote', 'The grain corridor', '--label', 'Rumeur', '--db', db)).stderr).toContain('Fait clé, Allégation, Élément de preuve')
    const csv = (lang: keyof typeof LANGS) => readFileSync(join(dir, `labels-${lang}`, 'highlights.csv'), 'utf8')
    for (const lang of ['fr', 'en'] as const) expect((await dossier(LANGS[lang], 'export', '--out', `labels-${lang}`, '--format', 'csv', '--db', db)).code).toBe(0)
    expect(csv('fr')).toContain(',Fait clé,')
    expect(csv('en')).toContain(',Key fact,')
    await dossier(LANGS.ja, 'export', '--out', 'labels-ja', '--article', article!.id, '--db', db)
    const [md] = readdirSync(join(dir, 'labels-ja'))
    expect(readFileSync(join(dir, 'labels-ja', md!), 'utf8')).toContain('**重要な事実**')
    await dossier(LANGS.fr, 'export', '--out', 'labels-json', '--format', 'json', '--db', db)
    expect(readFileSync(join(dir, 'labels-json', 'annotations.json'), 'utf8')).toContain('"value": "Key fact"')
  })
})
