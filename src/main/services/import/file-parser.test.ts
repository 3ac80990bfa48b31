import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DossierError } from '../../../shared/errors'
import { tempDir } from '../../../../test/support/temp-services'
import { parseBudget, PARSE_BUDGET_MS, workerParser, type FileParser } from './file-parser'

// A stand-in worker speaking parse-worker's protocol, so the pool is tested on its own; the real
// parse-worker runs under the web shell in the end-to-end tests.
const WORKER = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, task: req }) => {
  parentPort.postMessage({ id, started: true })
  if (req.kind === 'reanchor') return parentPort.postMessage({ id, ok: true, value: req.selectors.map(() => ({ status: 'orphaned' })) })
  const text = Buffer.from(req.bytes).toString('utf8')
  if (text === 'crash') process.exit(3)
  if (text === 'nested') for (;;) {}
  if (text === 'bad') return parentPort.postMessage({ id, ok: false, error: { code: 'empty_file', message: req.name + ': empty' } })
  setTimeout(() => parentPort.postMessage({ id, ok: true, value: { format: 'text', article: { title: text, wholeText: req.wholeText } } }), 5)
})
`

let parser: FileParser | null = null
afterEach(async () => {
  await parser?.close()
  parser = null
})

function pool(size: number, budgetMs?: number): FileParser {
  const path = join(tempDir(), 'worker.cjs')
  writeFileSync(path, WORKER)
  parser = workerParser(path, size, budgetMs)
  return parser
}

const bytes = (text: string) => new TextEncoder().encode(text)

describe('parseBudget', () => {
  it('gives a long PDF time in proportion to its size (a 500-page report is not hostile), capped; other files the base budget', () => {
    const mb = (n: number) => new Uint8Array(n * 1_048_576)
    const pdf = (n: number) => Object.assign(mb(n), { 0: 0x25, 1: 0x50, 2: 0x44, 3: 0x46 })
    expect(parseBudget('page.html', mb(3))).toBe(PARSE_BUDGET_MS)
    expect(parseBudget('report.pdf', mb(3))).toBe(PARSE_BUDGET_MS + 3 * 20_000)
    // By its bytes too: a PDF saved without its extension.
    expect(parseBudget('report', pdf(1))).toBe(PARSE_BUDGET_MS + 20_000)
    expect(parseBudget('huge.pdf', mb(50))).toBe(5 * 60_000)
    // No budget stays no budget.
    expect(parseBudget('report.pdf', mb(3), 0)).toBe(0)
  })
})

describe('workerParser', () => {
  it('answers each request with its own result, across workers', async () => {
    const p = pool(2)
    const results = await Promise.all(['one', 'two', 'three', 'four'].map((t) => p.parse(`${t}.txt`, bytes(t), { wholeText: t === 'two' })))
    expect(results.map((r) => (r.article as unknown as { title: string }).title)).toEqual(['one', 'two', 'three', 'four'])
    expect((results[1]!.article as unknown as { wholeText: boolean }).wholeText).toBe(true)
  })

  it('sends re-anchoring work to a worker and returns one placement per highlight', async () => {
    const p = pool(1)
    const selector = { exact: 'gone', prefix: '', suffix: '', start: 0, end: 4 }
    expect(await p.reanchor('new text', [selector, selector])).toEqual([{ status: 'orphaned' }, { status: 'orphaned' }])
  })

  it('turns a refusal into a DossierError with the worker’s code and message', async () => {
    const p = pool(1)
    const err = await p.parse('bad.txt', bytes('bad')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DossierError)
    expect(err).toMatchObject({ code: 'empty_file', message: 'bad.txt: empty' })
  })

  it('fails only the requests of a worker that dies, then carries on with a new one', async () => {
    const p = pool(1)
    const err = await p.parse('crash.txt', bytes('crash')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'internal' })
    expect((err as Error).message).toMatch(/import worker stopped/)
    const after = await p.parse('after.txt', bytes('after'))
    expect((after.article as unknown as { title: string }).title).toBe('after')
  })

  it('reports a file that outruns its time budget as too complex to import, and imports the next', async () => {
    const p = pool(1, 300)
    const err = await p.parse('nested.html', bytes('nested')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'too_complex' })
    expect((err as Error).message).toMatch(/^nested\.html: too complex to import/)
    const after = await p.parse('after.txt', bytes('after'))
    expect((after.article as unknown as { title: string }).title).toBe('after')
  })

  it('stops the worker busy with a file when its import is cancelled', async () => {
    const p = pool(1)
    const abort = new AbortController()
    const pending = p.parse('nested.html', bytes('nested'), { signal: abort.signal }).catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 100))
    abort.abort()
    expect(await pending).toMatchObject({ code: 'cancelled' })
    expect((await p.parse('after.txt', bytes('after'))).article).toMatchObject({ title: 'after' })
  })
})
