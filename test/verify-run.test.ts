import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CallFn } from '../src/shared/contract'
import { runVerify, type VerifyJob } from '../src/shared/analysis/verify-run'
import { tempServices } from './support/temp-services'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** The Verify Library dialog's run loop against the real services: what the dialog shows at each poll. */
describe('Verify Library in the window', () => {
  function library(articles: number) {
    const s = tempServices()
    const insert = s.db.prepare(`INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, original_sha256, text_sha256)
      VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?, 'text', ?, ?, ?, ?, ?)`)
    s.db.transaction(() => {
      for (let i = 0; i < articles; i++) {
        const text = `Article ${i}: a stored original.`
        insert.run(randomUUID(), `Article ${i}`, `a${i}.txt`, Buffer.from(text), text, sha(text), sha(text), sha(text))
      }
    })()
    const call = (async (channel, input) => {
      const reply = await s.dispatch(channel, input)
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value
    }) as CallFn
    return { s, call }
  }

  it('shows progress rising to the total, then the report', async () => {
    const { call } = library(700)
    const seen: VerifyJob[] = []
    const last = await runVerify(call, (job) => seen.push(job), { requested: false }, 1)
    expect(last).toMatchObject({ finished: true, cancelled: false, report: { ok: true, articles: 700 } })
    expect(last.done).toBe(last.total)
    const done = seen.map((j) => j.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.some((d) => d > 0 && d < last.total)).toBe(true)
  })

  it('Cancel stops the job: it ends cancelled, short of the total, with no verdict', async () => {
    const { call } = library(700)
    const stop = { requested: false }
    const last = await runVerify(
      call,
      () => {
        stop.requested = true
      },
      stop,
      1
    )
    expect(last).toMatchObject({ finished: true, cancelled: true, report: null, error: null })
    expect(last.done).toBeLessThan(last.total)
  })
})
