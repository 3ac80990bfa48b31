import { Gazetteer } from './gazetteer/gazetteer'
import { articleLanguage } from './language'
import { findNames } from './names/find-names'
import { type EntityProvider, type ProviderInput, providerReads } from './provider'
import { findSelectors } from './selectors/find-selectors'
import type { ExtractionInput, Mention } from './types'

let sharedGazetteer: Gazetteer | undefined
const gazetteer = (): Gazetteer => (sharedGazetteer ??= new Gazetteer())

/** Selectors in every language. */
export const selectorProvider: EntityProvider = {
  id: 'selectors',
  languages: '*',
  priority: 30,
  extract: ({ text }) => findSelectors(text)
}

/** People, organisations and places: compromise and the clean-up rules in English, the gazetteer and capitalised-name rules elsewhere. */
export const nameProvider: EntityProvider = {
  id: 'names',
  languages: '*',
  priority: 10,
  extract: ({ text, language }) => findNames(text, { english: language === 'en', gazetteer: gazetteer() })
}

export const BUILT_IN_PROVIDERS: readonly EntityProvider[] = [selectorProvider, nameProvider]

/** Every mention in an article, from every provider that reads its language, without overlaps. */
export async function extractEntities(input: ExtractionInput, providers: readonly EntityProvider[] = BUILT_IN_PROVIDERS): Promise<Mention[]> {
  const request: ProviderInput = { text: input.text, language: articleLanguage(input.text, input.language) }
  const results = await Promise.all(providers.filter((p) => providerReads(p, request.language)).map(async (p) => ({ provider: p, mentions: await p.extract(request) })))
  return mergeMentions(input.text, results)
}

/** The same with the built-in providers only, synchronously (they need no I/O): for workers and benchmarks. */
export function extractEntitiesSync(input: ExtractionInput): Mention[] {
  const request: ProviderInput = { text: input.text, language: articleLanguage(input.text, input.language) }
  return mergeMentions(input.text, BUILT_IN_PROVIDERS.map((p) => ({ provider: p, mentions: p.extract(request) as Mention[] })))
}

/**
 * One mention per span: a provider's mention is dropped where one of higher priority overlaps it
 * (a URL's host is not also an organisation); among equals the longer span wins. Mentions whose
 * offsets do not match the text are refused, so a faulty provider cannot store a wrong passage.
 */
export function mergeMentions(text: string, results: { provider: EntityProvider; mentions: Mention[] }[]): Mention[] {
  const all = results.flatMap(({ provider, mentions }) =>
    mentions.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end && text.slice(m.start, m.end) === m.text).map((m) => ({ m, priority: provider.priority }))
  )
  all.sort((a, b) => b.priority - a.priority || b.m.end - b.m.start - (a.m.end - a.m.start) || a.m.start - b.m.start)
  const kept: Mention[] = []
  for (const { m } of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m)
  return kept.sort((a, b) => a.start - b.start || a.end - b.end)
}
