import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BYTES_CHANNELS, CHANNEL_NAMES } from '../../shared/channel-names'
import { answersBytes, contract, type Channel } from '../../shared/contract'
import { ERROR_CODES, type CallResult } from '../../shared/errors'
import { ErrorInfo } from '../../shared/domain-types'
import { MAX_NOTE_CHARS } from '../../shared/notes/note-schemas'
import { importText, richNoteState, tableCounts, tempServices } from '../../../test/support/temp-services'

const MISSING_ID = '00000000-0000-4000-8000-000000000000'

function expectError(result: CallResult<unknown>, code: string): string {
  expect(result).toMatchObject({ ok: false, error: { code } })
  const message = result.ok ? '' : result.error.message
  expect(message).not.toContain('    at ')
  return message
}

async function withArticle() {
  const s = tempServices()
  const articleId = await importText(s, 'pact.txt', 'Icebreaker pact\n\nPort operators are negotiating a shared schedule.')
  return { s, articleId }
}

describe('dispatch: channels', () => {
  it('knows the channels that answer bytes by their output schema, as the zod-free list the web shell reads', () => {
    expect(CHANNEL_NAMES.filter((c) => answersBytes(c))).toEqual([...BYTES_CHANNELS])
    expect(BYTES_CHANNELS).toContain('article.originalPdf')
  })

  it('answers unknown_channel for a name outside the contract', async () => {
    const { s } = await withArticle()
    const message = expectError(await s.dispatch('article.drop', {}), 'unknown_channel')
    expect(message).toContain('article.drop')
  })

  it('answers unknown_channel, never throws, for channel values that are not strings', async () => {
    const { s } = await withArticle()
    for (const channel of [undefined, null, 42, Symbol('x'), Object.create(null), { toString: () => 'app.info' }, ['app.info']]) {
      expectError(await s.dispatch(channel, {}), 'unknown_channel')
    }
  })

  it('answers valid calls with values that satisfy the output schema', async () => {
    const { s, articleId } = await withArticle()
    const info = await s.dispatch('app.info', {})
    expect(info).toEqual({
      ok: true,
      value: { version: '0.0.0-test', dbPath: s.dbPath, defaultExportDir: join(s.dir, 'export'), shell: 'web' }
    })
    const list = await s.dispatch('library.list', {})
    expect(list.ok && contract['library.list'].output.parse(list.value).items[0]!.id).toBe(articleId)
  })
})

describe('dispatch: input validation', () => {
  it.each<[string, Channel, (ids: { articleId: string }) => unknown, string]>([
    ['a number for a uuid', 'article.get', () => ({ id: 5 }), 'id'],
    ['a malformed uuid', 'article.get', () => ({ id: 'not-a-uuid' }), 'id'],
    ['an extra key', 'article.get', ({ articleId }) => ({ id: articleId, admin: true }), 'admin'],
    ['a missing key', 'highlight.list', () => ({}), 'articleId'],
    ['no object at all', 'library.list', () => 'everything', 'The request'],
    ['a fractional offset', 'library.list', () => ({ offset: 1.5 }), 'offset'],
    ['a limit over 500', 'library.list', () => ({ limit: 501 }), 'limit'],
    ['end equal to start', 'highlight.create', ({ articleId }) => ({ articleId, start: 5, end: 5 }), 'End must be after start'],
    ['end before start', 'highlight.create', ({ articleId }) => ({ articleId, start: 9, end: 3 }), 'End must be after start'],
    ['a negative start', 'highlight.create', ({ articleId }) => ({ articleId, start: -1, end: 3 }), 'start'],
    ['a string offset', 'highlight.create', ({ articleId }) => ({ articleId, start: '0', end: 3 }), 'start'],
    ['an oversized note', 'note.save', () => ({ highlightId: MISSING_ID, content: 'x'.repeat(MAX_NOTE_CHARS + 1) }), 'a note holds at most 512 KB'],
    ['an oversized file name', 'article.importFiles', () => ({ files: [{ name: 'n'.repeat(1025), dataBase64: '' }] }), 'The file name (item 1) is too long: at most 1,024 characters'],
    ['data that is not base64', 'article.importFiles', () => ({ files: [{ name: 'a.txt', dataBase64: 'not base64!' }] }), 'The file data (item 1): must be base64'],
    ['no files', 'article.importFiles', () => ({ files: [] }), 'the files'],
    ['an oversized export path', 'export.markdown', () => ({ outDir: 'd'.repeat(4097) }), 'The export folder is too long'],
    ['a bad id in the export list', 'export.markdown', () => ({ outDir: '/tmp/x', articleIds: ['nope'] }), 'articleIds.0'],
    ['arguments to a call that takes none', 'article.importSample', () => ({ force: true }), 'force']
  ])('refuses %s as invalid_input naming the field, changing nothing', async (_label, channel, input, field) => {
    const { s, articleId } = await withArticle()
    const before = tableCounts(s.db)
    const message = expectError(await s.dispatch(channel, input({ articleId })), 'invalid_input')
    expect(message).toContain(field)
    // A sentence for people, not zod's schema message.
    expect(message).toMatch(/^[A-Z“].*\.$/)
    expect(message).not.toMatch(/Too big|Too small|Invalid input|expected \w+ to have|<=|>=/)
    expect(tableCounts(s.db)).toEqual(before)
  })

  it('fills in defaults the caller leaves out', async () => {
    const { s } = await withArticle()
    const result = await s.dispatch('library.list', {})
    expect(result.ok && (result.value as { total: number }).total).toBe(1)
  })
})

describe('dispatch: failures inside handlers', () => {
  it('passes a DossierError through with its code and message', async () => {
    const { s } = await withArticle()
    const message = expectError(await s.dispatch('article.get', { id: MISSING_ID }), 'not_found')
    expect(message).toContain(MISSING_ID)
  })

  it('turns any other error into internal, logging the stack but returning only the first line', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const s = tempServices({
        clock: () => {
          throw new Error('clock broke\n    at fakeFrame (clock.ts:1:1)')
        }
      })
      const message = expectError(await s.dispatch('article.importSample', {}), 'internal')
      expect(message).toBe('article.importSample failed unexpectedly: clock broke')
      expect(log).toHaveBeenCalledWith(expect.stringContaining('    at '))
      expect(tableCounts(s.db).articles).toBe(0)
    } finally {
      log.mockRestore()
    }
  })

  it('reports a closed database as internal rather than crashing the caller', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const { s } = await withArticle()
      s.close()
      expectError(await s.dispatch('library.list', {}), 'internal')
    } finally {
      log.mockRestore()
    }
  })
})

describe('dispatch: arbitrary input', () => {
  // A valid export.markdown call with a relative outDir would write into the working directory.
  let cwd: string
  let scratch: string
  beforeAll(() => {
    cwd = process.cwd()
    scratch = mkdtempSync(join(tmpdir(), 'dossier-cwd-'))
    process.chdir(scratch)
  })
  afterAll(() => {
    process.chdir(cwd)
    rmSync(scratch, { recursive: true, force: true })
  })

  it('always resolves to a typed error or a valid value, and changes nothing when it refuses', async () => {
    const { s, articleId } = await withArticle()
    const highlight = s.highlights.create(articleId, 0, 4)
    s.notes.save(highlight.id, richNoteState())
    const realId = fc.constantFrom(articleId, highlight.id, MISSING_ID)
    // Mostly nonsense, plus near-misses built from real ids, which reach deeper than random values.
    const input = fc.oneof(
      { weight: 3, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.record({ id: realId }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.record({ articleId: realId, start: fc.integer(), end: fc.integer() }, { requiredKeys: ['articleId'] }) },
      { weight: 1, arbitrary: fc.record({ highlightId: realId, content: fc.string() }, { requiredKeys: ['highlightId'] }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('id', 'articleId', 'limit', 'offset', 'text', 'files', 'extra'), fc.anything()) }
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), input, async (channel, value) => {
        const before = tableCounts(s.db)
        const result = await s.dispatch(channel, value)
        if (result.ok) {
          expect(contract[channel].output.safeParse(result.value).success).toBe(true)
          return
        }
        expect(Object.keys(result.error).filter((k) => k !== 'reason').sort()).toEqual(['code', 'message'])
        // A reason, when main gives one, is one the catalogs word (the contract's ErrorInfo).
        expect(ErrorInfo.safeParse(result.error).success).toBe(true)
        expect(ERROR_CODES).toContain(result.error.code)
        expect(result.error.code).not.toBe('internal')
        expect(typeof result.error.message).toBe('string')
        expect(result.error.message).not.toMatch(/\n\s+at /)
        expect(tableCounts(s.db)).toEqual(before)
      }),
      { numRuns: 400 }
    )
  })

  it('treats any channel value that is not a contract name as unknown', async () => {
    const { s } = await withArticle()
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (channel, value) => {
        fc.pre(!(CHANNEL_NAMES as readonly unknown[]).includes(channel))
        const result = await s.dispatch(channel, value)
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
      }),
      { numRuns: 200 }
    )
  })
})

describe('dispatch: contract errors in sentences', () => {
  it('says in a sentence that a search over 10,000 characters is too long', async () => {
    const { s } = await withArticle()
    const message = expectError(await s.dispatch('search.query', { query: 'q'.repeat(10_001) }), 'invalid_input')
    expect(message).toBe('The search is too long: at most 10,000 characters.')
  })

  it('turns any contract failure of any channel into sentences, never a schema message', async () => {
    const { s } = await withArticle()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.anything(), async (channel, input) => {
        const result = await s.dispatch(channel, input)
        if (result.ok || result.error.code !== 'invalid_input') return
        expect(result.error.message).toMatch(/^[A-Z“].*\.$/s)
        expect(result.error.message).not.toMatch(/Too big|Too small|Invalid input|Unrecognized key/)
      }),
      { numRuns: 150 }
    )
  })
})
