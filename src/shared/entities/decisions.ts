import type { EntityType } from './types'

/**
 * The analyst's corrections to the entity index. They name entities by key (type and lower-case
 * name, as extraction finds them) and mentions by their text, never by row id, so each applies
 * again to whatever a later extraction finds.
 */
export type EntityDecision =
  | { kind: 'merge'; subject: string; object: string } // entity `subject` is an alias of `object`
  | { kind: 'split'; subject: string; object: string } // mentions of `subject` reading `object` are their own entity
  | { kind: 'rename'; subject: string; object: string }
  | { kind: 'retype'; subject: string; object: EntityType }
  | { kind: 'stop'; subject: string; object: null } // lower-case text or key: not an entity

export const entityKey = (type: EntityType, name: string): string => `${type}:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`
export const keyType = (key: string): EntityType => key.slice(0, key.indexOf(':')) as EntityType
export const keyName = (key: string): string => key.slice(key.indexOf(':') + 1)

export interface Resolved {
  /** The entity the mention belongs to, or null when the analyst stopped it. */
  key: string | null
}

/** Decisions compiled for fast, repeated resolution. Later decisions override earlier ones. */
export class DecisionRules {
  private readonly merges = new Map<string, string>()
  private readonly splits = new Set<string>()
  private readonly stops = new Set<string>()
  readonly renames = new Map<string, string>()
  readonly retypes = new Map<string, EntityType>()

  constructor(decisions: readonly EntityDecision[]) {
    for (const d of decisions) {
      if (d.kind === 'merge') this.merges.set(d.subject, d.object)
      else if (d.kind === 'split') this.splits.add(`${d.subject}\u0000${d.object.toLowerCase()}`)
      else if (d.kind === 'rename') this.renames.set(d.subject, d.object)
      else if (d.kind === 'retype') this.retypes.set(d.subject, d.object)
      else this.stops.add(d.subject)
    }
  }

  /** Where a mention found under `baseKey` with this exact text belongs now. */
  resolve(baseKey: string, text: string): string | null {
    const lower = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
    if (this.stops.has(lower) || this.stops.has(baseKey)) return null
    let key = this.target(baseKey)
    if (this.splits.has(`${key}\u0000${lower}`)) key = this.target(`${keyType(baseKey)}:${lower}`)
    return this.stops.has(key) ? null : key
  }

  /** Follows merges to the entity that absorbed this one; a cycle stops where it closes. */
  target(key: string): string {
    const seen = new Set<string>()
    let k = key
    while (this.merges.has(k) && !seen.has(k)) {
      seen.add(k)
      k = this.merges.get(k)!
    }
    return k
  }

  /** Keys merged into `key`, directly or not. */
  mergedInto(key: string): string[] {
    return [...this.merges.keys()].filter((k) => k !== key && this.target(k) === key)
  }
}
