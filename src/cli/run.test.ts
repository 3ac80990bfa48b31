import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileReport } from './commands/import-command'
import { run } from './run'

let dir: string
let db: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'))
  db = join(dir, 'library.sqlite')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function dossier(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd: dir
  })
  return { code, stdout, stderr }
}

function expectOneErrorLine(stderr: string): string {
  expect(stderr).toMatch(/^dossier: [^\n]+\n$/)
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/) // no stack frames
  return stderr
}

/** notes/ with nested text, Markdown and HTML, plus an empty and a binary file and things to skip. */
function writeNotesFolder(): string {
  const notes = join(dir, 'notes')
  mkdirSync(join(notes, 'sub', 'deeper'), { recursive: true })
  mkdirSync(join(notes, '.hidden'))
  writeFileSync(join(notes, 'brief.txt'), 'Grain exports\n\nWheat shipments rose by a tenth in March.\n')
  writeFileSync(join(notes, 'sub', 'minutes.md'), '# Board minutes\n\nThe board **approved** the budget.\n')
  writeFileSync(
    join(notes, 'sub', 'deeper', 'report.html'),
    '<!doctype html><html><head><title>Port report</title></head><body><article><h1>Port report</h1><p>Berths were full all week.</p></article></body></html>'
  )
  writeFileSync(join(notes, 'empty.txt'), '')
  writeFileSync(join(notes, 'sub', 'blob.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]))
  writeFileSync(join(notes, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(join(notes, '.hidden', 'secret.txt'), 'Not to be imported.')
  return notes
}

function byName(reports: FileReport[]): Record<string, FileReport> {
  return Object.fromEntries(reports.map((r) => [r.file.slice(join(dir, 'notes').length + 1), r]))
}

describe('dossier import', () => {
  it('reports what cleaning found: byline, date, dateline, Markdown body and the removed chrome', async () => {
    const file = join(dir, 'scraped.txt')
    writeFileSync(
      file,
      [
        'Ferry operators brace for a long strike',
        'By Jane Doe, Staff writer',
        'Published: 14 September 2026',
        'TALLINN, Estonia — Ferry crews voted on Friday to extend their strike into a second week, the union said.',
        '“We will not sail until the rota is fixed,” said one deckhand who asked not to be named.',
        'Source link',
        'LEAVE A REPLY',
        'Please enter your comment!',
        'Share post:'
      ].join('\n\n')
    )
    const { code, stdout } = await dossier(['import', file, '--db', db, '--json'])
    expect(code).toBe(0)
    const [report] = JSON.parse(stdout) as FileReport[]
    expect(report).toMatchObject({ status: 'imported', title: 'Ferry operators brace for a long strike' })
    const article = report!.article!
    expect(article).toMatchObject({ author: 'Jane Doe', publishedAt: '2026-09-14', dateline: 'TALLINN, Estonia' })
    expect(article.text).toContain('TALLINN, Estonia — Ferry crews voted on Friday')
    expect(article.text).toContain('“We will not sail until the rota is fixed,” said one deckhand')
    expect(article.text).not.toContain('LEAVE A REPLY')
    expect(article.markdown).toContain('“We will not sail until the rota is fixed,”')
    expect(article.removed).toContainEqual({ text: 'LEAVE A REPLY', reason: expect.stringMatching(/comment/) })
    expect(article.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['Source link', 'Please enter your comment!', 'Share post:']))
  })

  it('imports a folder recursively, rejects empty and binary files, and still imports the rest', async () => {
    const notes = writeNotesFolder()
    const { code, stdout, stderr } = await dossier(['import', notes, '--db', db, '--json'])

    expect(code).toBe(1)
    expect(expectOneErrorLine(stderr)).toBe('dossier: 2 of 5 files were rejected.\n')
    const reports = JSON.parse(stdout) as FileReport[]
    const files = byName(reports)
    expect(Object.keys(files).sort()).toEqual(['brief.txt', 'empty.txt', 'sub/blob.md', 'sub/deeper/report.html', 'sub/minutes.md'])
    for (const r of reports) {
      const keys = ['articleId', 'file', 'message', 'status', 'title']
      expect(Object.keys(r).sort()).toEqual(r.articleId ? [...keys, 'article'].sort() : keys)
    }
    // What cleaning found travels with each imported file, for scripts that check it.
    const brief = files['brief.txt']!.article!
    expect(Object.keys(brief).sort()).toEqual(['author', 'dateline', 'language', 'markdown', 'publishedAt', 'removed', 'source', 'tags', 'text', 'url'])
    expect(brief.text.length).toBeGreaterThan(0)
    expect(brief.markdown).not.toMatch(/<[a-z]/i)

    for (const name of ['brief.txt', 'sub/minutes.md', 'sub/deeper/report.html']) {
      expect(files[name]).toMatchObject({ status: 'imported', message: null })
      expect(files[name]!.articleId).toMatch(/^[0-9a-f-]{36}$/)
    }
    expect(files['sub/deeper/report.html']!.title).toBe('Port report')
    expect(files['sub/minutes.md']!.title).toBe('Board minutes')
    expect(files['empty.txt']).toMatchObject({ status: 'rejected', articleId: null, title: null })
    expect(files['empty.txt']!.message).toMatch(/^empty\.txt: .*empty/)
    expect(files['sub/blob.md']).toMatchObject({ status: 'rejected', articleId: null })
    expect(files['sub/blob.md']!.message).toMatch(/binary/)

    const listed = await dossier(['list', '--db', db, '--json'])
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout).total).toBe(3)
  })

  it('reports files already in the library as duplicates', async () => {
    const notes = writeNotesFolder()
    const first = await dossier(['import', notes, '--db', db, '--json'])
    const again = await dossier(['import', notes, '--db', db, '--json'])

    expect(again.code).toBe(1) // the empty and binary files are still rejected
    const before = byName(JSON.parse(first.stdout))
    const after = byName(JSON.parse(again.stdout))
    for (const name of ['brief.txt', 'sub/minutes.md', 'sub/deeper/report.html']) {
      expect(after[name]).toMatchObject({ status: 'duplicate', articleId: before[name]!.articleId })
      expect(after[name]!.message).toMatch(/already in the library/)
    }

    const goodOnly = await dossier(['import', join(notes, 'brief.txt'), join(notes, 'sub'), '--db', db])
    expect(goodOnly.code).toBe(1)
    const onlyText = await dossier(['import', join(notes, 'brief.txt'), '--db', db])
    expect(onlyText).toEqual({
      code: 0,
      stdout: `duplicate  ${join(notes, 'brief.txt')} — already in the library as “Grain exports”.\n1 file: 0 imported, 1 duplicate, 0 rejected.\n`,
      stderr: ''
    })
  })

  it('prints one line per file and a summary, with full paths', async () => {
    const notes = writeNotesFolder()
    const { code, stdout } = await dossier(['import', notes, '--db', db])
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines).toContain(`imported   ${join(notes, 'sub', 'minutes.md')} — “Board minutes”`)
    expect(lines).toContain(`rejected   ${join(notes, 'empty.txt')} — the file is empty or holds only white space.`)
    expect(lines.at(-1)).toBe('5 files: 3 imported, 0 duplicate, 2 rejected.')
  })

  it('rejects an explicitly named file of an unsupported type', async () => {
    const notes = writeNotesFolder()
    const { code, stdout } = await dossier(['import', join(notes, 'photo.png'), join(notes, 'brief.txt'), '--db', db, '--json'])
    expect(code).toBe(1)
    expect((JSON.parse(stdout) as FileReport[]).map((r) => r.status)).toEqual(['rejected', 'imported'])
  })

  it('names a path that does not exist and imports nothing', async () => {
    const notes = writeNotesFolder()
    const { code, stdout, stderr } = await dossier(['import', notes, 'notes/missing.txt', '--db', db])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(expectOneErrorLine(stderr)).toBe('dossier: notes/missing.txt: no such file or folder (ENOENT).\n')
    expect(existsSync(db)).toBe(false)
  })

  it('uses DOSSIER_DB when --db is not given', async () => {
    const notes = writeNotesFolder()
    const envDb = join(dir, 'from-env.sqlite')
    const { code } = await dossier(['import', join(notes, 'brief.txt')], { DOSSIER_DB: envDb })
    expect(code).toBe(0)
    expect(existsSync(envDb)).toBe(true)
    expect(JSON.parse((await dossier(['list', '--json', '--db', envDb])).stdout).total).toBe(1)
  })
})

describe('dossier export', () => {
  it('writes one Markdown file per article, or only the articles named', async () => {
    const notes = writeNotesFolder()
    const imported = JSON.parse((await dossier(['import', notes, '--db', db, '--json'])).stdout) as FileReport[]

    const all = await dossier(['export', '--out', 'md', '--db', db, '--json'])
    expect(all.code).toBe(0)
    const result = JSON.parse(all.stdout) as { outDir: string; files: string[] }
    expect(result.outDir).toBe(join(dir, 'md'))
    expect(result.files).toHaveLength(3)
    expect(readdirSync(result.outDir).sort()).toEqual([...result.files].sort())
    for (const f of result.files) expect(f).toMatch(/\.md$/)
    expect(readFileSync(join(result.outDir, 'Port report.md'), 'utf8')).toContain('# Port report')

    const minutes = imported.find((r) => r.title === 'Board minutes')!
    const one = await dossier(['export', '--out', join(dir, 'one'), '--article', minutes.articleId!, '--db', db])
    expect(one.code).toBe(0)
    expect(readdirSync(join(dir, 'one'))).toHaveLength(1)
    const [file, summary] = one.stdout.trimEnd().split('\n')
    expect(existsSync(file!)).toBe(true)
    expect(summary).toBe(`Exported 1 article to ${join(dir, 'one')}: 1 new, 0 updated, 0 unchanged.`)

    // --with-text: the article's text under "## Article"; without it, none.
    expect((await dossier(['export', '--out', join(dir, 'text'), '--article', minutes.articleId!, '--with-text', '--db', db])).code).toBe(0)
    const [withText] = readdirSync(join(dir, 'text'))
    expect(readFileSync(join(dir, 'text', withText!), 'utf8')).toMatch(/^## Article$/m)
    expect(readFileSync(file!, 'utf8')).not.toMatch(/^## Article$/m)
  })

  it('exports what has a tag, and names the files it did not overwrite', async () => {
    const notes = writeNotesFolder()
    writeFileSync(join(notes, 'tagged.md'), '---\ntitle: Tagged brief\ntags: [baltic]\n---\nA tagged brief.')
    await dossier(['import', notes, '--db', db])
    const first = await dossier(['export', '--out', 'md', '--tag', 'baltic', '--db', db])
    expect(first.code).toBe(0)
    expect(readdirSync(join(dir, 'md'))).toEqual(['Tagged brief.md'])

    writeFileSync(join(dir, 'md', 'Tagged brief.md'), 'edited by hand')
    const again = await dossier(['export', '--out', 'md', '--tag', 'baltic', '--db', db])
    expect(again.code).toBe(1)
    expect(again.stdout).toContain(`${join(dir, 'md', 'Tagged brief.md')}  →  Tagged brief.dossier-conflict.md`)
    expect(readFileSync(join(dir, 'md', 'Tagged brief.md'), 'utf8')).toBe('edited by hand')

    const json = await dossier(['export', '--out', 'md', '--format', 'json', '--db', db])
    expect(json.stdout).toBe(`Wrote 0 highlights to ${join(dir, 'md', 'annotations.json')}.\n`)
    const back = await dossier(['import-annotations', join(dir, 'md', 'annotations.json'), '--db', db, '--json'])
    expect(JSON.parse(back.stdout)).toEqual({ imported: 0, needsReview: 0, duplicates: 0, skipped: [], skippedReasons: [] })
    // A highlights file changed by hand is not overwritten either.
    writeFileSync(join(dir, 'md', 'annotations.json'), '{"mine": true}\n')
    const kept = await dossier(['export', '--out', 'md', '--format', 'json', '--db', db])
    expect(kept.code).toBe(1)
    expect(kept.stdout).toBe(
      `${join(dir, 'md', 'annotations.json')} was changed since the last export and left as it is; the new version is ${join(dir, 'md', 'annotations.dossier-conflict.json')}.\n`
    )
    expect(readFileSync(join(dir, 'md', 'annotations.json'), 'utf8')).toBe('{"mine": true}\n')

    const unknown = await dossier(['export', '--out', 'md2', '--tag', 'nope', '--db', db])
    expect(unknown.code).toBe(1)
    expect(expectOneErrorLine(unknown.stderr)).toContain('"nope"')
    expect(existsSync(join(dir, 'md2'))).toBe(false)
  })

  it('refuses an unknown article id before writing anything', async () => {
    await dossier(['import', join(writeNotesFolder(), 'brief.txt'), '--db', db])
    const id = '00000000-0000-4000-8000-000000000000'
    const { code, stderr } = await dossier(['export', '--out', 'md', '--article', id, '--db', db])
    expect(code).toBe(1)
    expect(expectOneErrorLine(stderr)).toContain(id)
    expect(existsSync(join(dir, 'md'))).toBe(false)
  })
})

describe('dossier list', () => {
  it('lists articles as JSON, newest first, with highlight counts and an optional limit', async () => {
    const notes = writeNotesFolder()
    for (const f of ['brief.txt', 'sub/minutes.md', 'sub/deeper/report.html']) await dossier(['import', join(notes, f), '--db', db])

    const { code, stdout, stderr } = await dossier(['list', '--db', db, '--json'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const page = JSON.parse(stdout) as { total: number; items: Record<string, unknown>[] }
    expect(page.total).toBe(3)
    expect(page.items.map((a) => a.title)).toEqual(['Port report', 'Board minutes', 'Grain exports'])
    expect(page.items[0]).toMatchObject({ highlightCount: 0, importedAt: expect.any(String), source: null })

    const limited = JSON.parse((await dossier(['list', '--limit', '2', '--db', db, '--json'])).stdout)
    expect(limited.items).toHaveLength(2)
    expect(limited.total).toBe(3)

    const human = await dossier(['list', '--limit', '2', '--db', db])
    expect(human.stdout).toContain('Port report')
    expect(human.stdout.trimEnd().split('\n').at(-1)).toBe('2 of 3 articles.')
  })
})

describe('usage and failures', () => {
  it('exits 2 on a bad flag with one line pointing at --help', async () => {
    const { code, stdout, stderr } = await dossier(['list', '--colour', '--db', db])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(expectOneErrorLine(stderr)).toBe('dossier: unknown option --colour. Run dossier --help.\n')
    expect(existsSync(db)).toBe(false)
  })

  it('exits 2 on an unknown command', async () => {
    const { code, stderr } = await dossier(['improt', 'a.txt'])
    expect(code).toBe(2)
    expect(expectOneErrorLine(stderr)).toBe("dossier: unknown command 'improt'. Run dossier --help.\n")
  })

  it('prints help and the version', async () => {
    const help = await dossier(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('dossier import')
    expect((await dossier(['help'])).stdout).toBe(help.stdout)
    const version = await dossier(['--version'])
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('refuses a --db file that is not SQLite, naming it and leaving it byte for byte', async () => {
    const bytes = randomBytes(8192)
    bytes.write('not sqlite', 0) // never the 'SQLite format 3' header by chance
    writeFileSync(db, bytes)
    const before = readdirSync(dir).sort()

    for (const argv of [['list'], ['import', join(writeNotesFolder(), 'brief.txt')], ['export', '--out', 'md']]) {
      const { code, stdout, stderr } = await dossier([...argv, '--db', db, '--json'])
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(expectOneErrorLine(stderr)).toContain(db)
      expect(stderr).toMatch(/not a Dossier database/)
    }
    expect(readFileSync(db).equals(bytes)).toBe(true)
    expect(readdirSync(dir).filter((f) => f !== 'notes' && f !== 'md').sort()).toEqual(before)
  })

  it('refuses a database written by a newer Dossier, naming it', async () => {
    const newer = new Database(db)
    newer.pragma('user_version = 9999')
    newer.close()
    const { code, stderr } = await dossier(['list', '--db', db])
    expect(code).toBe(1)
    expect(expectOneErrorLine(stderr)).toContain(db)
    expect(stderr).toMatch(/newer version of Dossier/)
  })
})

describe('hostile input to the CLI (issue 15 S7)', () => {
  it('keeps escape sequences in titles away from the terminal in human output, and keeps them in --json', async () => {
    const title = 'Evil \u001b]0;owned\u0007title \u001b[31mred\u001b[0m \u009b2J'
    // eslint-disable-next-line no-control-regex -- escaping the control characters the title holds
    writeFileSync(join(dir, 'evil.md'), `---\ntitle: "${title.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"\n---\n\nA body long enough to be an article about the evil title.\n`)
    const imported = await dossier(['import', join(dir, 'evil.md'), '--db', db])
    expect(imported.code).toBe(0)
    const listed = await dossier(['list', '--db', db])
    for (const out of [imported.stdout, listed.stdout]) {
      expect(out).toContain('Evil ]0;owned')
      // eslint-disable-next-line no-control-regex -- control characters are what must be absent
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    }
    const json = await dossier(['list', '--db', db, '--json'])
    expect(JSON.parse(json.stdout).items[0].title).toBe(title)
  })

  it('refuses to read annotations from a FIFO instead of hanging', async () => {
    const fifo = join(dir, 'annotations.json')
    execFileSync('mkfifo', [fifo])
    const { code, stderr } = await dossier(['import-annotations', fifo, '--db', db])
    expect(code).toBe(1)
    expect(expectOneErrorLine(stderr)).toContain(`${fifo}: not a regular file`)
  })

  it('imports the other files of a folder that holds a file nested 10,000 deep', async () => {
    const folder = join(dir, 'batch')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a-deep.html'), `<article><h1>Deep</h1>${'<div>'.repeat(10_000)}<p>The innermost paragraph of the deep page is long enough to keep.</p>${'</div>'.repeat(10_000)}</article>`)
    writeFileSync(join(folder, 'b-plain.txt'), 'Plain file\n\nThe plain file after the deep one is imported as well.\n')
    const { code, stdout } = await dossier(['import', folder, '--db', db, '--json'])
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as FileReport[]).map((r) => r.status)).toEqual(['imported', 'imported'])
  })
})
