import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPairingCode, normalizePairingCode, PAIRING_CODE_ALPHABET } from '../../../shared/capture/capture-protocol'
import { PAIRING_ATTEMPTS, PAIRING_CODE_TTL_MS, PairingCodes } from './pairing-codes'

function codesAt(start = 1_000_000) {
  const clock = { t: start }
  return { clock, codes: new PairingCodes(() => clock.t) }
}

describe('pairing codes', () => {
  it('are eight characters the analyst cannot misread, shown in two groups and typed either way', () => {
    const { codes } = codesAt()
    const { code } = codes.issue()
    expect(code).toMatch(new RegExp(`^[${PAIRING_CODE_ALPHABET}]{8}$`))
    expect(PAIRING_CODE_ALPHABET).not.toMatch(/[01ILOU]/)
    expect(normalizePairingCode(formatPairingCode(code).toLowerCase())).toBe(code)
    expect(normalizePairingCode(` ${code.slice(0, 4)} ${code.slice(4)} `)).toBe(code)
  })

  it('pair once: the same code a second time is refused', () => {
    const { codes } = codesAt()
    const { code } = codes.issue()
    expect(codes.redeem(code)).toBe('paired')
    expect(codes.redeem(code)).toBe('none')
  })

  it('expire after five minutes', () => {
    const { clock, codes } = codesAt()
    const { code } = codes.issue()
    clock.t += PAIRING_CODE_TTL_MS - 1
    expect(codes.pending()?.code).toBe(code)
    clock.t += 1
    expect(codes.pending()).toBeNull()
    expect(codes.redeem(code)).toBe('expired')
  })

  it('are withdrawn after five wrong guesses, even if the sixth is right', () => {
    const { codes } = codesAt()
    const { code } = codes.issue()
    const wrong = code.split('').reverse().join('') === code ? '22222222' : code.split('').reverse().join('')
    for (let i = 1; i < PAIRING_ATTEMPTS; i++) expect(codes.redeem(wrong)).toBe('wrong')
    expect(codes.redeem(wrong)).toBe('locked')
    expect(codes.redeem(code)).toBe('locked')
    expect(codes.pending()).toBeNull()
  })

  it('a new code replaces the one on show, and closing the dialog withdraws it', () => {
    const { codes } = codesAt()
    const first = codes.issue().code
    let second = codes.issue().code
    while (second === first) second = codes.issue().code
    expect(codes.redeem(first)).toBe('wrong')
    expect(codes.redeem(second)).toBe('paired')
    const third = codes.issue().code
    codes.withdraw()
    expect(codes.redeem(third)).toBe('none')
  })

  it('never accept a string that is not the code on show', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (guess) => {
        const { codes } = codesAt()
        const { code } = codes.issue()
        fc.pre(normalizePairingCode(guess) !== code)
        return codes.redeem(guess) !== 'paired'
      })
    )
  })
})
