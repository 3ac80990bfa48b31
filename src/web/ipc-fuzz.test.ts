/**
 * IPC fuzzing: every channel of the contract, fed payloads its schema must refuse, through the
 * real loopback HTTP transport into the real services and SQLite file. Each call must come back
 * as a typed `invalid_input` error in a sentence for people; the server must stay up, nothing may
 * reject unhandled, and not one row of the database may change.
 *
 * `DOSSIER_FUZZ_RUNS` sets the payloads per channel: the CI default keeps the file well under
 * its budget; `npm run stress` runs 1,000 per channel (scripts/stress-fuzz.mjs).
 */
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../main/services/create-services'
import { plainNoteState } from '../../test/support/temp-services'
import { CHANNEL_NAMES, type ChannelName } from '../shared/channel-names'
import { contract } from '../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { overTheWire, rejectedPayloads, seedFor } from '../../test/support/near-valid'
import { startLoopbackServer, type LoopbackServer } from './loopback-server'

const RUNS = Number(process.env.DOSSIER_FUZZ_RUNS ?? 120)
const SEED = process.env.DOSSIER_FUZZ_SEED ? Number(process.env.DOSSIER_FUZZ_SEED) : undefined

let dir: string
let services: Services
let server: LoopbackServer
const agent = new Agent({ keepAlive: true, maxSockets: 1 })
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)

/** A POST over one kept-alive socket: thousands of calls without thousands of handshakes. */
function post(channel: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${encodeURIComponent(channel)}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-dossier-token': server.token, 'content-length': Buffer.byteLength(body) }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Every row of every table, hashed: any insert, update or delete changes it. */
function fingerprint(db: Database.Database): string {
  const hash = createHash('sha256')
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all()
    const lines = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)))
    hash.update(`${name}\n${lines.sort().join('\n')}\n`)
  }
  hash.update(String(db.pragma('user_version', { simple: true })))
  return hash.digest('hex')
}

/** Valid payloads built on real rows, so near misses name things that exist. */
let seeds: Partial<Record<ChannelName, unknown>> = {}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  dir = mkdtempSync(join(tmpdir(), 'dossier-fuzz-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Dossier</title>')
  services = createServices({ dbPath: join(dir, 'fuzz.sqlite'), shell: 'web', version: 'fuzz', defaultExportDir: join(dir, 'export') })
  server = await startLoopbackServer({ dispatch: services.dispatch, rendererDir: renderer, port: 0, csp: CONTENT_SECURITY_POLICY })

  const article = await services.articles.importSample()
  const articleId = article.articleId!
  const text = services.articles.get(articleId)
  const highlight = services.highlights.create(articleId, 0, Math.min(20, text.text.length))
  const label = services.labels.list()[0]!
  const note = plainNoteState('Check this against the port figures.')
  services.notes.save(highlight.id, note)
  seeds = {
    'library.list': { limit: 10, offset: 0 },
    'article.get': { id: articleId },
    'article.importFiles': { files: [{ name: 'a.txt', dataBase64: Buffer.from('Title\n\nBody text.').toString('base64') }] },
    'article.importPaste': { text: 'Pasted title\n\nPasted body.' },
    'article.setBlockRemoved': { articleId, blockIndex: 0, removed: true },
    'article.updateMetadata': { id: articleId, patch: { title: 'New title', author: null } },
    'article.setTags': { id: articleId, tags: ['baltic', 'ice'] },
    'article.originalPdf': { id: articleId },
    'import.status': { jobId: 'job-1' },
    'import.cancel': { jobId: 'job-1' },
    'import.retryWithPassword': { token: '00000000-0000-4000-8000-0000000000aa', password: 'secret' },
    'highlight.list': { articleId },
    'highlight.create': { articleId, start: 0, end: 5, labelId: label.id },
    'highlight.delete': { id: highlight.id },
    'highlight.restore': { id: highlight.id },
    'highlight.setLabel': { id: highlight.id, labelId: label.id },
    'highlight.reattach': { id: highlight.id, start: 0, end: 5 },
    'highlight.setTags': { id: highlight.id, tags: ['claim'] },
    'label.create': { name: 'Source', color: label.color },
    'label.update': { id: label.id, name: 'Renamed' },
    'label.delete': { id: label.id, moveTo: null },
    'note.get': { highlightId: highlight.id },
    'note.save': { highlightId: highlight.id, content: note },
    'note.revisions': { highlightId: highlight.id },
    'notebook.get': { articleId },
    'notebook.save': { articleId, content: note },
    'export.markdown': { outDir: join(dir, 'export'), articleIds: [articleId] }
  }
})

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  agent.destroy()
  await server?.close()
  await services?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('IPC fuzzing through the loopback transport', () => {
  it('has a valid seed for every channel, hand-written or sampled from its schema', () => {
    for (const channel of CHANNEL_NAMES) {
      const seed = seedFor(contract[channel].input, seeds[channel])
      // A sampled seed may not pass refinements; mutations of it are still rejected payloads.
      expect(seed, channel).toBeDefined()
    }
    // The hand-written seeds must stay valid as schemas change, or the near misses drift away.
    for (const [channel, seed] of Object.entries(seeds)) {
      expect(contract[channel as ChannelName].input.safeParse(seed).success, `${channel} seed`).toBe(true)
    }
  })

  it.each(CHANNEL_NAMES.map((c) => [c]))(`%s refuses ${RUNS} hostile payloads with a typed error and leaves the database as it was`, async (channel) => {
    const schema = contract[channel].input
    const before = fingerprint(services.db)
    await fc.assert(
      fc.asyncProperty(rejectedPayloads(schema, seedFor(schema, seeds[channel])), async (payload) => {
        const reply = await post(channel, JSON.stringify(payload))
        expect(reply.status).toBe(200)
        const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } }
        expect(result.ok).toBe(false)
        expect(result.error?.code).toBe('invalid_input')
        // A sentence for people, not zod's schema message (search.query: query: Too big…).
        expect(result.error?.message).toMatch(/^[A-Z“].*[.!?]$/)
        expect(result.error?.message).not.toMatch(/Too big|Too small|Invalid input|Unrecognized key/)
        // Written for a person: one line, no stack trace.
        expect(result.error?.message).not.toMatch(/\n|\bat .+:\d+:\d+/)
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    )
    expect(fingerprint(services.db), 'database fingerprint').toBe(before)
    expect(unhandled).toEqual([])
  })

  it('answers unknown channels and bodies that are not JSON with typed errors', async () => {
    const before = fingerprint(services.db)
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }).filter((name) => !(CHANNEL_NAMES as readonly string[]).includes(name)),
        fc.anything(),
        async (name, payload) => {
          const reply = await post(name, JSON.stringify(overTheWire(payload) ?? null))
          expect(reply.status).toBe(200)
          expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
        }
      ),
      { numRuns: Math.min(RUNS, 200), seed: SEED }
    )
    for (const body of ['', '{', 'undefined', '{"a":1,}', '\u0000', '[1,2', '{"__proto__":']) {
      const reply = await post('library.list', body)
      expect(JSON.parse(reply.body), body).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(fingerprint(services.db)).toBe(before)
  })

  it('still serves valid calls after all that', async () => {
    const reply = await post('library.list', JSON.stringify({}))
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { total: 1 } })
  })
})
