import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import ar from './catalogs/ar'
import fr from './catalogs/fr'
import ja from './catalogs/ja'
import { LOCALES, type Locale } from './locales'
import { NAMESPACES, SOURCE_CATALOGS, type LocaleCatalogs } from './messages'

const CATALOGS: Record<Locale, LocaleCatalogs> = { en: SOURCE_CATALOGS, fr, ar, ja }
const ROOT = join(__dirname, '../../..')

/** Every argument a message takes, with its kind (plain, number, date, plural, select…). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, TYPE>()): Map<string, TYPE> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into)
      continue
    }
    into.set(el.value, el.type)
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into)
  }
  return into
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'catalogs' || entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('message catalogs', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key and no other', (locale) => {
    for (const ns of NAMESPACES) {
      expect(Object.keys(CATALOGS[locale][ns]).sort(), `${locale}/${ns}.json`).toEqual(Object.keys(SOURCE_CATALOGS[ns]).sort())
    }
  })

  it.each(LOCALES)('every %s message is valid ICU with the same arguments as the English one', (locale) => {
    for (const ns of NAMESPACES) {
      for (const [key, message] of Object.entries(CATALOGS[locale][ns])) {
        const where = `${locale}/${ns}.json "${key}"`
        expect(message.trim(), `${where} is empty`).not.toBe('')
        let ast: MessageFormatElement[] = []
        expect(() => (ast = parse(message, { requiresOtherClause: true })), where).not.toThrow()
        const english = argumentsOf(parse(SOURCE_CATALOGS[ns][key as keyof (typeof SOURCE_CATALOGS)[typeof ns]] as string))
        // A translation may say a plural in words where its language has no plural (Japanese),
        // but it takes exactly the English message's arguments.
        expect([...argumentsOf(ast).keys()].sort(), where).toEqual([...english.keys()].sort())
      }
    }
  })

  it('every key the code names exists, and every English key is used', () => {
    const pattern = new RegExp(`['"\`]((?:${NAMESPACES.join('|')}):[A-Za-z0-9_.-]+)['"\`]`, 'g')
    const used = new Map<string, string>()
    for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'bin'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.set(match[1]!, relative(ROOT, file))
    }
    const known = new Set(NAMESPACES.flatMap((ns) => Object.keys(SOURCE_CATALOGS[ns]).map((key) => `${ns}:${key}`)))
    expect([...used].filter(([key]) => !known.has(key)).map(([key, file]) => `${key} (${file})`)).toEqual([])
    expect([...known].filter((key) => !used.has(key))).toEqual([])
  })
})
