import type { Mention, SelectorKind } from '../types'
import { validBitcoin, validEthereum, validIban, validImo } from './checksums'
import { validIpv4, validIpv6 } from './ip-address'

/**
 * Identifiers investigators track, found by pattern and kept only when they check out: an IBAN
 * must pass mod 97, an IMO number its check digit, a Bitcoin or Ethereum address its checksum.
 * Each pattern is anchored so it never starts or ends inside a longer token.
 */
interface SelectorRule {
  kind: SelectorKind
  pattern: RegExp
  /** The normal form the mention is indexed under, or null to refuse the match. */
  accept(match: string): string | null
}

const TRAILING_PUNCTUATION = /[.,;:!?'"»”’)\]]+$/

const RULES: SelectorRule[] = [
  {
    kind: 'email',
    pattern: /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g,
    accept: (m) => (m.includes('..') ? null : m.toLowerCase())
  },
  {
    kind: 'url',
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"«»“”]+/gi,
    accept: (m) => {
      const url = balanceParens(m.replace(TRAILING_PUNCTUATION, ''))
      return /^(?:https?:\/\/)?[^/\s]+\.[a-z]{2,}/i.test(url) ? url : null
    }
  },
  {
    kind: 'domain',
    // A bare host name: lower-case labels (a capitalised "Mr.Smith" or an abbreviation is no
    // domain) ending in a top-level domain of letters.
    pattern: /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24})(?![\w@-]|\.[a-z0-9])/g,
    accept: (m) => (COMMON_TLDS.has(m.slice(m.lastIndexOf('.') + 1)) || /\.[a-z]{2}$/.test(m) ? m : null)
  },
  {
    kind: 'ipv4',
    pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g,
    accept: (m) => (validIpv4(m) ? m : null)
  },
  {
    kind: 'ipv6',
    pattern: /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g,
    accept: (m) => (validIpv6(m) ? m.toLowerCase() : null)
  },
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
    accept: (m) => {
      const compact = m.replace(/ /g, '')
      return validIban(compact) ? compact : null
    }
  },
  {
    kind: 'btc',
    pattern: /\b(?:bc1[02-9ac-hj-np-z]{11,87}|BC1[02-9AC-HJ-NP-Z]{11,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b/g,
    accept: (m) => (validBitcoin(m) ? m : null)
  },
  {
    kind: 'eth',
    pattern: /\b0x[0-9a-fA-F]{40}\b/g,
    accept: (m) => (validEthereum(m) ? m.toLowerCase() : null)
  },
  {
    kind: 'imo',
    pattern: /\bIMO(?:\s*(?:No\.?|number|#|:))?\s*\d{7}\b/gi,
    accept: (m) => {
      const digits = m.slice(-7)
      return validImo(digits) ? `IMO ${digits}` : null
    }
  },
  {
    kind: 'phone',
    // International numbers only (+ or 00 and a country code): bare digit runs are too often
    // amounts, dates or references to be taken for phone numbers.
    pattern: /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,5}\)?)(?:[ .-]?\d{2,5}){1,5}(?![\w])/g,
    accept: (m) => {
      const digits = m.replace(/\D/g, '').replace(/^00/, '')
      return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null
    }
  }
]

// Generic and well-known top-level domains; any two-letter country code is accepted as well.
const COMMON_TLDS = new Set(['com', 'org', 'net', 'info', 'biz', 'gov', 'edu', 'mil', 'int', 'io', 'app', 'dev', 'online', 'site', 'xyz', 'top', 'news', 'media', 'onion', 'store', 'shop', 'tech', 'cloud', 'live', 'world', 'agency', 'company', 'network', 'global', 'group', 'email'])

/** Drops a closing bracket the URL did not open, as in "(see https://x.org/a)". */
function balanceParens(url: string): string {
  let out = url
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) out = out.slice(0, -1)
  return out
}

export function findSelectors(text: string): Mention[] {
  const found: Mention[] = []
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      let raw = match[0]
      if (rule.kind === 'url') raw = balanceParens(raw.replace(TRAILING_PUNCTUATION, ''))
      else if (rule.kind === 'domain' || rule.kind === 'email') raw = raw.replace(/\.+$/, '')
      const name = rule.accept(raw)
      if (name === null) continue
      const start = match.index
      found.push({ start, end: start + raw.length, text: raw, type: 'selector', kind: rule.kind, origin: 'rule', name })
    }
  }
  // A domain inside a URL or an e-mail address, an IPv4 inside a URL: the longer one stands.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Mention[] = []
  for (const m of found) {
    const last = kept[kept.length - 1]
    if (last && m.start < last.end) continue
    kept.push(m)
  }
  return kept
}
