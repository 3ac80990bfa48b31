import type { EntityType } from '../../../shared/entities/types'

/** How the view names each type of entity: the tab, and one of them. */
export const ENTITY_KINDS: readonly { type: EntityType; tab: string; one: string }[] = [
  { type: 'person', tab: 'People', one: 'Person' },
  { type: 'org', tab: 'Organisations', one: 'Organisation' },
  { type: 'place', tab: 'Places', one: 'Place' },
  { type: 'selector', tab: 'Identifiers', one: 'Identifier' }
]

export function kindName(type: EntityType): string {
  return ENTITY_KINDS.find((k) => k.type === type)!.one
}
