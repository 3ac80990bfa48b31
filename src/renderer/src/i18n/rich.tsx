import { Fragment, type ReactNode } from 'react'
import type { MessageKey, MessageValues, Translate } from '../../../shared/i18n'

// Private-use marks around an argument's name: no translation contains them, and the
// pseudo-locale leaves arguments as they are.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = new RegExp(`${OPEN}([A-Za-z0-9_]+)${CLOSE}`)

/**
 * A message with elements in it (a <kbd>, a button in the middle of a sentence): the translation
 * places each element where its grammar wants it, as it places any argument. `nodes` are the
 * message's arguments drawn as elements; `values` the plain ones.
 */
export function richT(t: Translate, key: MessageKey, nodes: Readonly<Record<string, ReactNode>>, values: MessageValues = {}): ReactNode {
  const slots = Object.fromEntries(Object.keys(nodes).map((name) => [name, `${OPEN}${name}${CLOSE}`]))
  const parts = t(key, { ...values, ...slots }).split(SLOT)
  // split() with a group alternates text and argument names: even indexes are text.
  return parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{nodes[part]}</Fragment>))
}
