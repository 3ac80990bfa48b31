import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createClient, PRIMED_FOR_MS } from './client'

/** A client over a fake Electron bridge that counts what reaches main and answers from `answer`. */
function clientWith(answer: (channel: string, n: number) => { ok: true; value: unknown } | { ok: false; error: { code: 'internal'; message: string } }) {
  const sent: string[] = []
  const invoke = new Proxy(
    {},
    {
      get: (_, channel: string) => async () => {
        sent.push(channel)
        return answer(channel, sent.filter((c) => c === channel).length)
      }
    }
  )
  vi.stubGlobal('window', { dossierBridge: { invoke, onEvent: () => () => undefined, flushed: () => undefined } })
  return { client: createClient(), sent }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('calls primed at start', () => {
  it('go to main once: the component asking later gets that answer, and the next ask goes to main again', async () => {
    const { client, sent } = clientWith((_, n) => ({ ok: true, value: { items: [], n } }))
    const arrived = client.prime('label.list', {})
    expect(sent).toEqual(['label.list'])
    await arrived
    expect(await client.call('label.list', {})).toEqual({ items: [], n: 1 })
    expect(sent).toEqual(['label.list'])
    // Taken once: a later read (after a change, say) is never the start's answer.
    expect(await client.call('label.list', {})).toEqual({ items: [], n: 2 })
    expect(sent).toEqual(['label.list', 'label.list'])
  })

  it('go to main once when primed twice before anyone takes them', async () => {
    const { client, sent } = clientWith((_, n) => ({ ok: true, value: { bytes: '', n } }))
    void client.prime('article.originalPdf', { id: 'a' })
    await client.prime('article.originalPdf', { id: 'a' })
    expect(sent).toEqual(['article.originalPdf'])
    expect(await client.call('article.originalPdf', { id: 'a' })).toEqual({ bytes: '', n: 1 })
  })

  it('match on the input: another page of the library is its own call', async () => {
    const { client, sent } = clientWith(() => ({ ok: true, value: { total: 0, items: [] } }))
    void client.prime('library.query', { sort: 'imported', direction: 'desc', filter: {}, offset: 0, limit: 100 })
    await client.call('library.query', { sort: 'imported', direction: 'desc', filter: {}, offset: 100, limit: 100 })
    expect(sent).toHaveLength(2)
  })

  it('can be read at once when already arrived, for a first render with data', async () => {
    const { client, sent } = clientWith(() => ({ ok: true, value: { warnings: ['x'] } }))
    const arrived = client.prime('library.warnings', {})
    expect(client.takeArrived('library.warnings', {})).toBeUndefined()
    await arrived
    expect(client.takeArrived('library.warnings', {})).toEqual({ warnings: ['x'] })
    expect(client.takeArrived('library.warnings', {})).toBeUndefined()
    await client.call('library.warnings', {})
    expect(sent).toEqual(['library.warnings', 'library.warnings'])
  })

  it('hand a failure to the caller, and are no unhandled rejection when nobody asks', async () => {
    const { client } = clientWith(() => ({ ok: false, error: { code: 'internal', message: 'disk gone' } }))
    await client.prime('case.list', { includeArchived: true })
    await expect(client.call('case.list', { includeArchived: true })).rejects.toBeInstanceOf(ApiError)
    await client.prime('case.last', {})
  })

  it('are dropped when nobody asks for them in time', async () => {
    vi.useFakeTimers()
    const { client, sent } = clientWith((_, n) => ({ ok: true, value: { n } }))
    await client.prime('settings.get', {})
    vi.advanceTimersByTime(PRIMED_FOR_MS)
    expect(await client.call('settings.get', {})).toEqual({ n: 2 })
    expect(sent).toEqual(['settings.get', 'settings.get'])
  })
})
