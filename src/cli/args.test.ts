import { beforeAll, describe, expect, it } from 'vitest'
import { createI18n, translator, type Translate } from '../shared/i18n'
import { parseCommandLine, UsageError } from './args'

let english: Translate
beforeAll(async () => {
  english = translator(await createI18n('en'))
})

/** The reason as the CLI prints it in English. */
function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError)
    return (err as UsageError).text(english)
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`)
}

describe('parseCommandLine', () => {
  it('reads import with files and common options in any order', () => {
    expect(parseCommandLine(['--db', 'lib.sqlite', 'import', 'a.txt', '--json', 'notes'])).toEqual({
      name: 'import',
      paths: ['a.txt', 'notes'],
      db: 'lib.sqlite',
      json: true
    })
  })

  it('takes file names that start with a dash after --', () => {
    expect(parseCommandLine(['import', '--', '-odd.txt'])).toMatchObject({ name: 'import', paths: ['-odd.txt'] })
  })

  it('reads export with repeated --article', () => {
    expect(parseCommandLine(['export', '--out', 'md', '--article', 'a', '--article=b'])).toEqual({
      name: 'export',
      outDir: 'md',
      articleIds: ['a', 'b'],
      tag: undefined,
      format: 'md',
      withText: false,
      db: undefined,
      json: false
    })
  })

  it('reads export --with-text, for Markdown only', () => {
    expect(parseCommandLine(['export', '--out', 'md', '--with-text'])).toMatchObject({ name: 'export', withText: true })
    expect(usageError(['export', '--out', 'md', '--with-text', '--format', 'csv'])).toMatch(/--with-text puts the article's text in Markdown files; --format csv writes highlights only/)
  })

  it('reads export --format and import-annotations FILE', () => {
    expect(parseCommandLine(['export', '--out', 'md', '--format', 'csv'])).toMatchObject({ format: 'csv' })
    expect(usageError(['export', '--out', 'md', '--format', 'pdf'])).toMatch(/--format must be md, json or csv, not 'pdf'/)
    expect(parseCommandLine(['import-annotations', 'h.json'])).toMatchObject({ name: 'import-annotations', file: 'h.json' })
    expect(usageError(['import-annotations'])).toMatch(/needs exactly one file/)
  })

  it('reads export --tag, and refuses --tag with --article', () => {
    expect(parseCommandLine(['export', '--out', 'md', '--tag', ' baltic '])).toMatchObject({ tag: 'baltic', articleIds: undefined })
    expect(usageError(['export', '--out', 'md', '--tag', 'x', '--article', 'a'])).toMatch(/--article or --tag, not both/)
  })

  it('reads list with and without --limit', () => {
    expect(parseCommandLine(['list', '--limit', '5'])).toMatchObject({ name: 'list', limit: 5 })
    expect(parseCommandLine(['list'])).toMatchObject({ name: 'list', limit: undefined })
  })

  it('answers help and version before anything else', () => {
    expect(parseCommandLine([])).toEqual({ name: 'help' })
    expect(parseCommandLine(['help'])).toEqual({ name: 'help' })
    expect(parseCommandLine(['list', '-h'])).toEqual({ name: 'help' })
    expect(parseCommandLine(['--version'])).toEqual({ name: 'version' })
  })

  it('names the mistake in one line', () => {
    expect(usageError(['frobnicate'])).toBe("unknown command 'frobnicate'.")
    expect(usageError(['list', '--bogus'])).toBe('unknown option --bogus.')
    expect(usageError(['list', '--db'])).toBe('--db needs a value.')
    expect(usageError(['list', '--db', '--json'])).toMatch(/^--db needs a value/)
    expect(usageError(['list', '--json=yes'])).toBe('--json does not take a value.')
    expect(usageError(['list', '--out', 'x'])).toBe('list does not take --out.')
    expect(usageError(['import'])).toBe('import needs at least one file or folder.')
    expect(usageError(['export'])).toMatch(/needs --out DIR/)
    expect(usageError(['export', 'md'])).toMatch(/takes no arguments, but got 'md'/)
    expect(usageError(['list', '--limit', '0'])).toMatch(/--limit needs a whole number/)
    expect(usageError(['list', '--limit', 'ten'])).toMatch(/not 'ten'/)
    expect(usageError(['list', '--db='])).toMatch(/--db needs a database file/)
    for (const argv of [['--bogus'], ['list', '--db', '--json'], ['export', '--out']]) {
      expect(usageError(argv)).not.toContain('\n')
    }
  })
})
