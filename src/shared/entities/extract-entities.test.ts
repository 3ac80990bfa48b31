import { describe, expect, it } from 'vitest'
import { extractEntities, extractEntitiesSync } from './extract-entities'
import type { LabelledArticle } from './fixtures/labelled'
import { ENGLISH_ARTICLES } from './fixtures/news-en'
import { ARABIC, FRENCH, RUSSIAN } from './fixtures/news-other'
import { articleLanguage, extractionCoverage } from './language'
import type { EntityProvider } from './provider'
import type { Mention } from './types'

/** A stand-in for a local NER model: tags one known name, as a model provider would. */
function standInModel(name: string, type: Mention['type'], languages: EntityProvider['languages'] = '*'): EntityProvider & { calls: number } {
  return {
    id: 'stand-in-model',
    languages,
    priority: 20,
    calls: 0,
    async extract({ text }) {
      this.calls++
      const out: Mention[] = []
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        out.push({ start: at, end: at + name.length, text: name, type, origin: 'model', name })
      }
      return out
    }
  }
}

const found = (a: LabelledArticle, mentions: Mention[]) => {
  const key = (m: { type: string; start: number; end: number }) => `${m.type}:${m.start}:${m.end}`
  const got = new Set(mentions.map(key))
  return a.entities.filter((e) => got.has(key(e))).length / a.entities.length
}

describe('extractEntities', () => {
  it('merges a model provider with the built-in ones; its spans win over the rules it overlaps', async () => {
    const text = 'The tanker Nordic Dawn left Rotterdam. Write to ops@nordic-dawn.com.'
    const model = standInModel('Nordic Dawn', 'org')
    const mentions = await extractEntities({ text, language: 'en' }, [model, ...(await import('./extract-entities')).BUILT_IN_PROVIDERS])
    expect(model.calls).toBe(1)
    expect(mentions.map((m) => [m.type, m.text, m.origin])).toEqual([
      ['org', 'Nordic Dawn', 'model'],
      ['place', 'Rotterdam', 'library'],
      ['selector', 'ops@nordic-dawn.com', 'rule']
    ])
  })

  it('asks a provider only for the languages it reads, and refuses mentions whose offsets do not cut their text', async () => {
    const french = standInModel('Dakar', 'place', ['fr'])
    await extractEntities({ text: 'Dakar is far.', language: 'en' }, [french])
    expect(french.calls).toBe(0)
    const liar: EntityProvider = { id: 'liar', languages: '*', priority: 50, extract: () => [{ start: 0, end: 4, text: 'Nope', type: 'org', origin: 'model', name: 'Nope' }] }
    expect(await extractEntities({ text: 'Dakar is far.' }, [liar])).toEqual([])
  })

  it('finds most labelled names in the English texts, every selector, and never an overlapping pair', () => {
    for (const article of ENGLISH_ARTICLES) {
      const mentions = extractEntitiesSync({ text: article.text, language: 'en' })
      expect(found(article, mentions), article.id).toBeGreaterThanOrEqual(0.7)
      for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end)
      for (const m of mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text)
    }
  })

  it('finds places and selectors in Russian, Arabic and French, with English names for places', () => {
    const ru = extractEntitiesSync({ text: RUSSIAN.text, language: 'ru' })
    expect(ru.filter((m) => m.type === 'place').map((m) => m.name)).toEqual(expect.arrayContaining(['Moscow', 'Türkiye', 'Egypt', 'Germany', 'Istanbul']))
    expect(ru.filter((m) => m.type === 'selector').map((m) => m.kind)).toEqual(['iban', 'email'])
    expect(ru.filter((m) => m.type === 'person').map((m) => m.text)).toEqual(['Андрей Смирнов', 'Елена Волкова'])
    const ar = extractEntitiesSync({ text: ARABIC.text, language: 'ar' })
    expect(ar.filter((m) => m.type === 'place').map((m) => m.name)).toEqual(expect.arrayContaining(['Sudan', 'Cairo', 'Riyadh', 'Khartoum']))
    expect(ar.filter((m) => m.type === 'selector').map((m) => m.kind)).toEqual(['email', 'phone'])
    const fr = extractEntitiesSync({ text: FRENCH.text, language: 'fr' })
    expect(found(FRENCH, fr)).toBeGreaterThan(0.7)
    expect(fr.find((m) => m.text === 'Omar Alieu Touray')?.type).toBe('person')
  })

  it('guesses the language from the text when none is recorded and says what it extracts', () => {
    expect(articleLanguage(RUSSIAN.text)).toBe('ru')
    expect(articleLanguage(ARABIC.text)).toBe('ar')
    expect(articleLanguage(FRENCH.text)).toBe('fr')
    expect(articleLanguage(ENGLISH_ARTICLES[0]!.text)).toBe('en')
    expect(articleLanguage('anything', 'pt-BR')).toBe('pt')
    expect(extractionCoverage('en')).toEqual({ names: 'full', dates: true })
    expect(extractionCoverage('ru')).toEqual({ names: 'capitalised', dates: true })
    expect(extractionCoverage('ar')).toEqual({ names: 'places-only', dates: true })
  })
})
