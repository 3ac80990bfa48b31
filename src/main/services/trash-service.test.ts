import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchResults } from '../../shared/search/search-types'
import { importText, plainNoteState, tempServices, type TempServices } from '../../../test/support/temp-services'

async function call<T>(s: TempServices, channel: string, input: unknown): Promise<T> {
  const result = await s.dispatch(channel, input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function library() {
  const s = tempServices()
  const ferry = await importText(s, 'ferry.txt', 'Ferry strike\n\nThe ferries stopped on Monday after the harbour talks failed.\n')
  const ice = await importText(s, 'ice.txt', 'Ice report\n\nThe Gulf froze early this year, the earliest since 1987.\n')
  const h = s.highlights.create(ferry, 14, 40)
  s.notes.save(h.id, plainNoteState('ask the harbour master'))
  return { s, ferry, ice, h }
}

describe('Trash', () => {
  it('a deleted article leaves the library, its count, search and export, and is listed in the Trash with its highlights', async () => {
    const { s, ferry, ice } = await library()
    await call(s, 'article.delete', { id: ferry })

    const page = await call<{ items: { id: string }[]; total: number }>(s, 'library.list', {})
    expect(page.items.map((a) => a.id)).toEqual([ice])
    expect(page.total).toBe(1)
    const found = await call<SearchResults>(s, 'search.query', { query: 'harbour' })
    expect(found.groups).toEqual([])
    const out = mkdtempSync(join(tmpdir(), 'dossier-trash-export-'))
    try {
      await call(s, 'export.markdown', { outDir: out })
      expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(1)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }

    const trash = await call<{ items: { kind: string; id: string; title: string; detail: string }[] }>(s, 'trash.list', {})
    expect(trash.items).toEqual([expect.objectContaining({ kind: 'article', id: ferry, title: 'Ferry strike', detail: 'with 1 highlight', highlights: 1 })])
  })

  it('restoring an article brings back its highlights and notes exactly', async () => {
    const { s, ferry, h } = await library()
    await call(s, 'article.delete', { id: ferry })
    await call(s, 'trash.restore', { kind: 'article', id: ferry })

    expect(s.articles.list(10, 0).items.find((a) => a.id === ferry)?.highlightCount).toBe(1)
    expect(s.highlights.list(ferry)[0]!.notePreview).toBe('ask the harbour master')
    expect(s.notes.get(h.id)?.content).toBe(plainNoteState('ask the harbour master'))
    expect((await call<{ items: unknown[] }>(s, 'trash.list', {})).items).toEqual([])
  })

  it('a deleted highlight is listed with its note, and restoring it restores its article too when that was trashed later', async () => {
    const { s, ferry, h } = await library()
    s.highlights.delete(h.id)
    const listed = await call<{ items: { kind: string; detail: string }[] }>(s, 'trash.list', {})
    expect(listed.items).toEqual([expect.objectContaining({ kind: 'highlight', id: h.id, detail: 'in “Ferry strike”, note: ask the harbour master', articleTitle: 'Ferry strike', note: 'ask the harbour master' })])
    expect(s.articles.list(10, 0).items.find((a) => a.id === ferry)?.highlightCount).toBe(0)

    await call(s, 'article.delete', { id: ferry })
    await call(s, 'trash.restore', { kind: 'highlight', id: h.id })
    expect(s.articles.list(10, 0).items.find((a) => a.id === ferry)?.highlightCount).toBe(1)
  })

  it('emptying deletes for good only what is in the Trash, and asks for confirmation in its input', async () => {
    const { s, ferry, ice, h } = await library()
    const other = s.highlights.create(ice, 0, 10)
    s.highlights.delete(other.id)
    await call(s, 'article.delete', { id: ferry })

    expect((await s.dispatch('trash.empty', {})).ok).toBe(false)
    expect(await call(s, 'trash.empty', { confirm: true })).toEqual({ articles: 1, highlights: 1 })

    const count = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n
    expect(count('SELECT count(*) AS n FROM articles')).toBe(1)
    expect(count(`SELECT count(*) AS n FROM highlights WHERE id IN ('${h.id}', '${other.id}')`)).toBe(0)
    expect(count(`SELECT count(*) AS n FROM notes WHERE highlight_id = '${h.id}'`)).toBe(0)
    expect((await call<{ items: unknown[] }>(s, 'trash.list', {})).items).toEqual([])
    expect((await call<{ total: number }>(s, 'library.list', {})).total).toBe(1)
  })

  it('names the article when it does not exist, for delete and restore', async () => {
    const { s } = await library()
    const missing = '00000000-0000-4000-8000-00000000dead'
    expect(await s.dispatch('article.delete', { id: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await s.dispatch('trash.restore', { kind: 'article', id: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await s.dispatch('trash.restore', { kind: 'note', id: missing })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
