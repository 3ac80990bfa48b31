import type { EntityType } from '../../../shared/entities/types'
import type { MessageKey } from '../../../shared/i18n'

/** How the view names each type of entity: the tab, and one of them (catalog keys the components translate). */
export const ENTITY_KINDS: readonly { type: EntityType; tab: MessageKey; one: MessageKey }[] = [
  { type: 'person', tab: 'entities:tab.person', one: 'entities:kind.person' },
  { type: 'org', tab: 'entities:tab.org', one: 'entities:kind.org' },
  { type: 'place', tab: 'entities:tab.place', one: 'entities:kind.place' },
  { type: 'selector', tab: 'entities:tab.selector', one: 'entities:kind.selector' }
]

/** One entity's type, as a message key: `t(kindMessage(type))`. */
export function kindMessage(type: EntityType): MessageKey {
  return ENTITY_KINDS.find((k) => k.type === type)!.one
}
