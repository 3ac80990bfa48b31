/** What the entity index knows about: people, organisations, places and selectors. */
export const ENTITY_TYPES = ['person', 'org', 'place', 'selector'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** Where a mention came from, so the analyst can tell a guess from her own decision. */
export const MENTION_ORIGINS = ['library', 'gazetteer', 'rule', 'model', 'analyst'] as const
export type MentionOrigin = (typeof MENTION_ORIGINS)[number]

export const SELECTOR_KINDS = ['email', 'phone', 'url', 'domain', 'ipv4', 'ipv6', 'iban', 'btc', 'eth', 'imo'] as const
export type SelectorKind = (typeof SELECTOR_KINDS)[number]

/** One occurrence of an entity in an article's canonical text (UTF-16 offsets, end exclusive). */
export interface Mention {
  start: number
  end: number
  /** Exactly `text.slice(start, end)` of the canonical text. */
  text: string
  type: EntityType
  origin: MentionOrigin
  /**
   * The name the mention is indexed under: the text without a title or possessive ("Kaya"
   * for "Deputy Minister Kaya's"), a selector in normal form (lower-case e-mail, IBAN without
   * spaces), the English name of a gazetteer place, an acronym's long form.
   */
  name: string
  /** A title fused to a person's name ("Deputy Minister"), kept apart from the name. */
  role?: string
  /** For selectors: which kind of identifier. */
  kind?: SelectorKind
}

export interface ExtractionInput {
  /** The canonical text. */
  text: string
  /** BCP 47 language of the article when known ("en", "ru"); guessed from the script otherwise. */
  language?: string | null
}
