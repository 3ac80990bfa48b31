import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js'
import type { LocaleCatalogs } from './messages'

/**
 * The pseudo-locale: every letter of the English message accented, the text made 40% longer and
 * bracketed. A string left in the code stays plain ASCII, so a test that reads the screen finds
 * it; a label that no longer fits shows where the layout breaks; a bracket cut off shows
 * truncation. Only the message's literal text changes: arguments, plurals and tags keep their
 * syntax, so the messages still format.
 */
const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçďéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i]!])
)

export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c)
}

function letters(elements: readonly MessageFormatElement[]): number {
  let n = 0
  for (const el of elements) {
    if (el.type === TYPE.literal) n += el.value.length
    else if (el.type === TYPE.plural || el.type === TYPE.select) n += letters(el.options.other?.value ?? [])
    else if (el.type === TYPE.tag) n += letters(el.children)
  }
  return n
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }]))
      return { ...el, options }
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) }
    return el
  })
}

export function pseudoMessage(message: string): string {
  const ast = parse(message, { ignoreTag: false, requiresOtherClause: true })
  const padding = '·'.repeat(Math.ceil(letters(ast) * 0.4))
  return `${PSEUDO_OPEN}${printAST(transform(ast))}${padding}${PSEUDO_CLOSE}`
}

export function pseudoCatalogs(source: LocaleCatalogs): LocaleCatalogs {
  return Object.fromEntries(
    Object.entries(source).map(([ns, messages]) => [ns, Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, pseudoMessage(m)]))])
  ) as LocaleCatalogs
}
