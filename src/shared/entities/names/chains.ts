import type { Token } from './tokens'
import { NAME_PARTICLES } from './word-lists'

/** A run of capitalised words that may be one name, with the connectors it crossed. */
export interface Chain {
  tokens: Token[]
  /** Indexes in `tokens` of lower-case connectors ("of", "and", "on" in "Rostov-on-Don"). */
  connectors: Set<number>
}

const ABBREVIATION = /^(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Prof|Jr|Sr|Co|Corp|Inc|Ltd|Bros|No|Mt|Ft|Rev|U\.S|U\.K)$/

export function isCapitalised(word: string): boolean {
  const first = word[0]
  if (!first) return false
  if (first !== first.toUpperCase() || first === first.toLowerCase()) {
    // "al-Sharif", "bin-Laden": a lower-case particle hyphenated to a capitalised name.
    const hyphen = word.indexOf('-')
    return hyphen > 0 && hyphen < 4 && isCapitalised(word.slice(hyphen + 1))
  }
  return true
}

export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && word === word.toUpperCase() && /^[\p{L}\p{N}&.-]+$/u.test(word)
}

export function isPossessive(word: string): boolean {
  return /['’]s$/.test(word) || /s['’]$/.test(word)
}

/** The gap after a word lets a name go on: spaces, a hyphen, or the full stop of an abbreviation. */
function joinable(token: Token): boolean {
  if (/^[ \u00a0]+$/.test(token.post) || token.post === '-') return true
  return /^\.[ \u00a0]+$/.test(token.post) && ABBREVIATION.test(token.text)
}

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'upon', 'the', 'de', 'del', 'des', 'du', 'la', 'le', 'di'])

/**
 * Runs of capitalised words, joined across particles ("von der", "bin") and connectors ("of the",
 * "and", "-on-") when a capitalised word follows; a run ends at punctuation, a possessive or a
 * line break. Sentence starts and connectors are judged later, by the rules that read the run.
 */
export function findChains(tokens: Token[], skip: ReadonlySet<number>): Chain[] {
  const chains: Chain[] = []
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]!
    if (skip.has(i) || !isCapitalised(t.text) || t.text === '&') {
      i++
      continue
    }
    const chain: Chain = { tokens: [t], connectors: new Set() }
    let j = i
    while (j + 1 < tokens.length && joinable(tokens[j]!) && !isPossessive(tokens[j]!.text)) {
      const next = tokens[j + 1]!
      if (skip.has(j + 1) || next.sentenceStart) break
      if (isCapitalised(next.text) && next.text !== '&') {
        chain.tokens.push(next)
        j++
        continue
      }
      // Up to two lower-case connectors or particles, then a capitalised word.
      const lower = next.text.toLowerCase()
      if (!(CONNECTORS.has(lower) || NAME_PARTICLES.has(lower) || next.text === '&')) break
      let k = j + 1
      const bridge: number[] = [k]
      if (k + 1 < tokens.length && joinable(tokens[k]!) && (CONNECTORS.has(tokens[k + 1]!.text.toLowerCase()) || NAME_PARTICLES.has(tokens[k + 1]!.text.toLowerCase()))) {
        k++
        bridge.push(k)
      }
      const after = tokens[k + 1]
      if (!after || !joinable(tokens[k]!) || !isCapitalised(after.text) || skip.has(k + 1)) break
      for (const b of bridge) {
        chain.connectors.add(chain.tokens.length)
        chain.tokens.push(tokens[b]!)
      }
      chain.tokens.push(after)
      j = k + 1
    }
    chains.push(chain)
    i = j + 1
  }
  return chains
}
