import { keccak_256 } from '@noble/hashes/sha3.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bech32, bech32m, createBase58check } from '@scure/base'

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function validIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false
  const length = IBAN_LENGTHS[compact.slice(0, 2)]
  if (length !== undefined && compact.length !== length) return false
  const moved = compact.slice(4) + compact.slice(0, 4)
  let remainder = 0
  for (const ch of moved) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
  }
  return remainder === 1
}

// Registry lengths of common countries, so "DE" with 20 characters is refused even when mod 97 holds.
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AT: 20, AZ: 28, BE: 16, BG: 22, BH: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FR: 27, GB: 22, GE: 22, GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PK: 24, PL: 28, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, TR: 26, UA: 29, VG: 24
}

/** IMO ship number: seven digits, the last the sum of the first six weighted 7..2, mod 10. */
export function validImo(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i)
  return sum % 10 === Number(digits[6])
}

const base58check = createBase58check(sha256)

/** Bitcoin: legacy base58check (P2PKH 0x00, P2SH 0x05), or bech32 (v0) / bech32m (v1+) "bc1". */
export function validBitcoin(address: string): boolean {
  if (/^[13]/.test(address)) {
    try {
      const payload = base58check.decode(address)
      return payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05)
    } catch {
      return false
    }
  }
  const lower = address.toLowerCase()
  if (!lower.startsWith('bc1') || (address !== lower && address !== address.toUpperCase())) return false
  for (const codec of [bech32, bech32m]) {
    try {
      const { prefix, words } = codec.decode(lower as `${string}1${string}`)
      if (prefix !== 'bc' || words.length === 0) continue
      const version = words[0]!
      if ((version === 0) !== (codec === bech32)) continue
      const program = codec.fromWords(words.slice(1))
      if (version === 0 ? program.length === 20 || program.length === 32 : program.length >= 2 && program.length <= 40) return true
    } catch {
      // not this encoding
    }
  }
  return false
}

/**
 * Ethereum: 0x and 40 hex digits. All lower or all upper case carries no checksum and is taken as
 * is; mixed case must match EIP-55 (each letter upper-case where the Keccak-256 nibble is ≥ 8).
 */
export function validEthereum(address: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false
  const hex = address.slice(2)
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()))
  for (let i = 0; i < 40; i++) {
    const ch = hex[i]!
    if (!/[a-fA-F]/.test(ch)) continue
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f
    if ((nibble >= 8) !== (ch === ch.toUpperCase())) return false
  }
  return true
}

