import { describe, expect, it } from 'vitest'
import { latestRequest } from './latest-request'

describe('latestRequest', () => {
  it('lets only the last of overlapping saves set what is shown, whatever order the answers come in', async () => {
    const latest = latestRequest()
    let shown = 17
    const answers: Array<() => void> = []
    // Five presses of → on the font-size slider: each shows its value at once and sends a save.
    for (let size = 18; size <= 22; size++) {
      shown = size
      const ticket = latest.begin()
      answers.push(() => {
        if (latest.isLatest(ticket)) shown = size
      })
    }
    // The answers arrive newest first but one, as a loaded server may send them.
    for (const answer of [answers[4]!, answers[0]!, answers[3]!, answers[1]!, answers[2]!]) answer()
    expect(shown).toBe(22)
  })

  it('applies an answer when nothing was asked after it', () => {
    const latest = latestRequest()
    const first = latest.begin()
    expect(latest.isLatest(first)).toBe(true)
    const second = latest.begin()
    expect(latest.isLatest(first)).toBe(false)
    expect(latest.isLatest(second)).toBe(true)
  })
})
