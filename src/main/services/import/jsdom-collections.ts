import { implementation as HTMLCollectionImpl } from 'jsdom/lib/jsdom/living/nodes/HTMLCollection-impl.js'

/**
 * Makes reading `length` of a jsdom HTMLCollection constant-time again. jsdom's proxy answers
 * every property read, `length` included, by first looking the name up among the collection's
 * elements' ids and names (a scan of the whole collection) and only then, finding `length` on
 * the prototype, ignoring what it found. So `Array.from(doc.getElementsByTagName('*'))` and
 * every loop of Readability's over a collection were quadratic: a page of 10,000 paragraphs
 * took 46 s, 4,000 took 8 s. For the names the proxy always ignores, the scan is skipped; what
 * any read returns is unchanged.
 */
const ALWAYS_ON_PROTOTYPE = new Set(['length', 'item', 'namedItem'])

const proto = HTMLCollectionImpl.prototype
const namedItem = proto.namedItem
proto.namedItem = function (this: unknown, key: string) {
  if (ALWAYS_ON_PROTOTYPE.has(key) || key in Object.prototype) return null
  return namedItem.call(this, key)
}
