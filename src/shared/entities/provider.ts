import type { Mention } from './types'

/**
 * A source of mentions. The built-in providers are rules and libraries that run anywhere; a local
 * model (an ONNX named-entity model run with transformers.js from a folder the analyst chose)
 * implements the same interface and is registered beside them, so the index never changes.
 * Providers never fetch anything: a model provider loads files it was given.
 */
export interface EntityProvider {
  /** Stable id, stored with nothing but shown in diagnostics ("rules", "onnx:bert-base-ner"). */
  readonly id: string
  /** Base language codes it reads, or "*" for all. */
  readonly languages: readonly string[] | '*'
  /** Higher wins when two providers claim overlapping spans with different types. */
  readonly priority: number
  extract(input: ProviderInput): Mention[] | Promise<Mention[]>
}

export interface ProviderInput {
  text: string
  language: string
}

export function providerReads(provider: EntityProvider, language: string): boolean {
  return provider.languages === '*' || provider.languages.includes(language)
}
