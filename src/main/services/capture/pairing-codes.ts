import { randomInt } from 'node:crypto'
import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH, normalizePairingCode } from '../../../shared/capture/capture-protocol'

/** How long a code shown in Dossier can be entered in the extension. */
export const PAIRING_CODE_TTL_MS = 5 * 60_000
/** Wrong codes tried before the code on show is withdrawn (the analyst asks for a new one). */
export const PAIRING_ATTEMPTS = 5

export type Redemption = 'paired' | 'wrong' | 'expired' | 'none' | 'locked'

/**
 * The short code the analyst types into the extension. One at a time, held in memory only (never
 * in the library), single-use, expiring after five minutes, and withdrawn after five wrong
 * guesses: a page that somehow reached the endpoint gets at most five tries at 30^8 (≈ 2^39).
 */
export class PairingCodes {
  private current: { code: string; expiresAt: number; failures: number } | null = null

  constructor(
    private readonly now: () => number = Date.now,
    private readonly pick: (n: number) => number = (n) => randomInt(n)
  ) {}

  /** A new code replaces any code on show. */
  issue(): { code: string; expiresAt: number } {
    let code = ''
    for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[this.pick(PAIRING_CODE_ALPHABET.length)]
    this.current = { code, expiresAt: this.now() + PAIRING_CODE_TTL_MS, failures: 0 }
    return { code, expiresAt: this.current.expiresAt }
  }

  /** The code on show, if it can still be used. */
  pending(): { code: string; expiresAt: number } | null {
    const c = this.current
    return c && c.expiresAt > this.now() && c.failures < PAIRING_ATTEMPTS ? { code: c.code, expiresAt: c.expiresAt } : null
  }

  /** Uses the code up when it matches; counts a wrong one against the code on show. */
  redeem(input: string): Redemption {
    const c = this.current
    if (!c) return 'none'
    if (c.expiresAt <= this.now()) {
      this.current = null
      return 'expired'
    }
    if (c.failures >= PAIRING_ATTEMPTS) return 'locked'
    if (normalizePairingCode(input) === c.code) {
      this.current = null
      return 'paired'
    }
    c.failures++
    return c.failures >= PAIRING_ATTEMPTS ? 'locked' : 'wrong'
  }

  /** The analyst closed the dialog: the code shown there stops working. */
  withdraw(): void {
    this.current = null
  }
}
