import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import ar from '../i18n/catalogs/ar'
import fr from '../i18n/catalogs/fr'
import ja from '../i18n/catalogs/ja'
import { z } from 'zod'
import { describeIssues, issuesReason } from '../contract/issue-sentence'
import { createI18n, LOCALES, translator, type Locale, type Translate } from '../i18n'
import { SOURCE_CATALOGS } from '../i18n/messages'
import { reasonText } from '../i18n/reason-messages'
import { REASON_IDS } from '../reasons'
import { REFUSAL_IDS, REFUSALS, refuse, type RefusalId } from '.'
import type { Refusal, RefusalValues } from './refusal'

const CATALOGS = { en: SOURCE_CATALOGS, fr, ar, ja }

type Arg = { name: string; type: TYPE; options: string[] }

/** The arguments of an ICU message, with each select's keys. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, Arg>()): Map<string, Arg> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound || el.type === TYPE.tag) continue
    const options = el.type === TYPE.select || el.type === TYPE.plural ? Object.keys(el.options) : []
    into.set(el.value, { name: el.value, type: el.type, options })
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) argumentsOf(option.value, into)
  }
  return into
}

/**
 * Values that reach every branch of a refusal's English message: a recognisable text for each
 * plain argument, a number with a thousands separator for each number, and each key of a select
 * (its `other` too when main may send a value outside the named keys).
 */
function samplesFor(id: RefusalId): Record<string, string | number>[] {
  const english = SOURCE_CATALOGS.refusals[id]
  // A translation may format as a number what English writes as it is (a count of characters).
  const numbers = new Set(
    Object.values(CATALOGS).flatMap((catalogs) => [...argumentsOf(parse(catalogs.refusals[id]!)).values()].filter((a) => a.type === TYPE.number).map((a) => a.name))
  )
  let samples: Record<string, string | number>[] = [{}]
  for (const arg of argumentsOf(parse(english)).values()) {
    const choices: (string | number)[] =
      arg.type === TYPE.select ? arg.options : numbers.has(arg.name) ? [12345] : arg.type === TYPE.plural ? [0, 1, 2, 5, 1234] : [`‹${arg.name}›`]
    samples = samples.flatMap((s) => choices.map((c) => ({ ...s, [arg.name]: c })))
  }
  return samples
}

function englishOf(id: RefusalId, values: RefusalValues): string {
  return (REFUSALS[id] as Refusal<RefusalValues>).english(values)
}

describe('main’s refusals, worded in the analyst’s language', () => {
  const t = {} as Record<Locale, Translate>
  beforeAll(async () => {
    for (const locale of LOCALES) t[locale] = translator(await createI18n(locale))
  })

  it('every refusal is a reason with its own message in the refusals catalog', () => {
    expect(REFUSAL_IDS.length).toBeGreaterThan(90)
    for (const id of REFUSAL_IDS) {
      expect(REASON_IDS, id).toContain(id)
      expect(REFUSALS[id].message, id).toBe(`refusals:${id}`)
    }
    expect(Object.keys(SOURCE_CATALOGS.refusals).sort()).toEqual([...REFUSAL_IDS].sort())
  })

  it.each(REFUSAL_IDS)('%s: the English catalog says what main says, for every branch', (id) => {
    for (const values of samplesFor(id)) {
      const main = englishOf(id, values)
      // A select's `other` stands for a key main never sends when the English text has no use for it.
      if (main.includes('undefined')) continue
      expect(reasonText({ id, values }, t.en), JSON.stringify(values)).toBe(main)
    }
  })

  it.each(REFUSAL_IDS)('%s: every language words it itself and keeps the names it was given', (id) => {
    for (const values of samplesFor(id)) {
      const english = reasonText({ id, values }, t.en)
      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        const text = reasonText({ id, values }, t[locale])
        expect(text, `${locale} ${JSON.stringify(values)}`).not.toBe(english)
        for (const value of Object.values(values)) if (typeof value === 'string' && value.startsWith('‹') && english.includes(value)) expect(text, locale).toContain(value)
      }
    }
  })

  it('refuse() gives the code, the English sentence and the reason from one set of values', () => {
    const err = refuse('case.name_taken', { name: 'Caspian Horizon' })
    expect(err.code).toBe('duplicate')
    expect(err.message).toBe('A case named “Caspian Horizon” exists already.')
    expect(err.toInfo().reason).toEqual({ id: 'case.name_taken', values: { name: 'Caspian Horizon' } })
    expect(reasonText(err.reason!, t.fr)).toBe('Un dossier nommé «\u00a0Caspian Horizon\u00a0» existe déjà.')
    expect(reasonText(err.reason!, t.ar)).toBe('توجد من قبل قضية باسم «Caspian Horizon».')
    expect(reasonText(err.reason!, t.ja)).toBe('「Caspian Horizon」という名前のケースはすでにあります。')
  })

  it('numbers read in each language’s digits and separators', () => {
    const err = refuse('note.too_large', { kb: 1536, limitKb: 512 })
    expect(err.message).toBe('The note is 1,536 KB; a note holds at most 512 KB. Split it, or keep the long text as an article.')
    expect(reasonText(err.reason!, t.fr)).toBe('La note fait 1\u202f536\u00a0Ko\u202f; une note contient au plus 512\u00a0Ko. Scindez-la, ou conservez le long texte sous forme d’article.')
  })

  it('main throws no DossierError without a reason: every refusal is worded in the catalogs', () => {
    const root = join(__dirname, '../..')
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : []
      )
    const bare: string[] = []
    for (const file of [...files(join(root, 'main')), ...files(join(root, 'shared'))]) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/new DossierError\(/g)) {
        // The call's arguments, to its closing parenthesis; a reason is the third.
        let depth = 1
        let commas = 0
        let quote = ''
        for (let i = match.index + match[0].length; i < text.length && depth > 0; i++) {
          const c = text[i]!
          if (quote) {
            if (c === '\\') i++
            else if (c === quote) quote = ''
          } else if (`'"\``.includes(c)) quote = c
          else if ('([{'.includes(c)) depth++
          else if (')]}'.includes(c)) depth--
          else if (c === ',' && depth === 1) commas++
        }
        if (commas < 2) bare.push(`${relative(root, file)}:${text.slice(0, match.index).split('\n').length}`)
      }
    }
    expect(bare).toEqual([])
  })

  it('a text over its length, refused by the contract, is worded in the language when it is the one fault', () => {
    const schema = z.object({ tag: z.string().max(64), query: z.string().max(10_000) }).strict()
    const one = schema.safeParse({ tag: 'x'.repeat(70), query: 'ok' })
    if (one.success) throw new Error('expected a refusal')
    const reason = issuesReason(one.error)
    expect(reason).toEqual({ id: 'input.too_long', values: { field: 'tag', max: 64 } })
    expect(reasonText(reason!, t.en)).toBe(describeIssues(one.error))
    expect(reasonText(reason!, t.fr)).toBe('Le mot-clé est trop long\u00a0: au plus 64 caractères.')
    expect(reasonText(reason!, t.ja)).toBe('タグが長すぎます。64 文字以内にしてください。')
    // Two faults, or one the reason cannot say, keep the code's message and main's English detail.
    const two = schema.safeParse({ tag: 'x'.repeat(70), query: 'y'.repeat(10_001) })
    expect(two.success || issuesReason(two.error)).toBeUndefined()
    const missing = schema.safeParse({ query: 'ok' })
    expect(missing.success || issuesReason(missing.error)).toBeUndefined()
  })
})
