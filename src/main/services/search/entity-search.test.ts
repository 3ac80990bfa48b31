import { describe, expect, it } from 'vitest'
import type { SearchResults } from '../../../shared/search/search-types'
import { parseQuery } from '../../../shared/search/parse-query'
import { importText, tempServices, type TempServices } from '../../../../test/support/temp-services'

async function search(s: TempServices, query: string): Promise<SearchResults> {
  const result = await s.dispatch('search.query', { query })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as SearchResults
}

const hits = (r: SearchResults) => r.groups.flatMap((g) => g.hits.map((h) => `${g.title} | ${h.kind}`)).sort()

describe('entity:"Name" in search', () => {
  it('reads the operator, quoted or not, and never fails on it', () => {
    expect(parseQuery('levy entity:"Caspian Horizon Shipping"').filters.entities).toEqual(['Caspian Horizon Shipping'])
    expect(parseQuery('entity:FIOD entity:Kaya').filters.entities).toEqual(['FIOD', 'Kaya'])
    expect(parseQuery('entity:').filters.entities).toEqual([])
    expect(parseQuery('"entity:Kaya"').filters.entities).toEqual([])
  })

  it('finds the articles and the highlights that mention an entity, under its name or any alias, merges included', async () => {
    const s = tempServices()
    const raid = await importText(s, 'raid.txt', 'Customs raid\n\nInvestigators searched Caspian Horizon Shipping in Rotterdam. Deputy Minister Ömer Faruk Kaya said the company did nothing wrong. The weather was cold.')
    const later = await importText(s, 'later.txt', 'Follow-up\n\nOmer Kaya met officials in The Hague. Caspian Horizon Shipping denied the allegations.')
    await importText(s, 'other.txt', 'Unrelated\n\nThe ferry to Helsinki was late again on Monday.')
    await s.entityIndexer.extractPending()
    const text = s.articles.get(raid).text
    const span = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const
    s.highlights.create(raid, ...span('Ömer Faruk Kaya said'))
    s.highlights.create(raid, ...span('The weather was cold.'))

    // No words: the articles mentioning it, and only the highlight that holds a mention.
    expect(hits(await search(s, 'entity:"Caspian Horizon Shipping"'))).toEqual(['Customs raid | text', 'Follow-up | text'])
    expect(hits(await search(s, 'entity:"ömer faruk kaya"'))).toEqual(['Customs raid | highlight', 'Customs raid | text'])
    // "Omer Kaya" is its own entity until the analyst merges it; then either name finds both articles.
    const full = s.entities.index({ filter: 'Ömer Faruk Kaya' }).items[0]!
    const short = s.entities.index({ filter: 'Omer Kaya' }).items.find((e) => e.name === 'Omer Kaya')!
    s.entities.merge(short.id, full.id)
    expect(hits(await search(s, 'entity:"Ömer Faruk Kaya" in:articles'))).toEqual(['Customs raid | text', 'Follow-up | text'])
    expect(hits(await search(s, 'entity:"Omer Kaya" in:articles'))).toEqual(['Customs raid | text', 'Follow-up | text'])
    // With words, both must hold; an unknown name finds nothing rather than everything.
    expect(hits(await search(s, 'hague entity:"Caspian Horizon Shipping"'))).toEqual(['Follow-up | text'])
    expect((await search(s, 'entity:"Nobody Known"')).groups).toEqual([])
    expect(later).toBeTruthy()
  })
})
