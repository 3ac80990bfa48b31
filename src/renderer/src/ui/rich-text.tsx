import { Fragment, type ReactNode } from 'react'
import type { MessageKey, MessageValues, Translate } from '../../../shared/i18n'

// Private-use characters stand in for the elements while the message is formatted: no
// translation contains them, and the message places them where its grammar wants.
const MARK = 0xe000

/**
 * A message with elements in it (`<kbd>`, `<strong>`): each named argument in `elements` is
 * formatted as a placeholder and then replaced by its element, so a translation can move the
 * element wherever its word order puts it.
 */
export function richText(t: Translate, key: MessageKey, elements: Readonly<Record<string, ReactNode>>, values: MessageValues = {}): ReactNode {
  const names = Object.keys(elements)
  const marks = Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(MARK + i)]))
  const text = t(key, { ...values, ...marks })
  return text.split(/([\uE000-\uE0FF])/).map((part, i) => {
    const index = part.length === 1 ? part.charCodeAt(0) - MARK : -1
    return <Fragment key={i}>{index >= 0 && index < names.length ? elements[names[index]!] : part}</Fragment>
  })
}
