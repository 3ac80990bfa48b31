import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createQuoteNode } from '@lexical/rich-text'
import type Database from 'better-sqlite3'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { NOTE_NODES } from '../../src/shared/notes/note-nodes'
import { createServices, type ServiceOptions, type Services } from '../../src/main/services/create-services'
import type { Clock } from '../../src/main/services/clock'

/**
 * Test-only support shared by the service tests. Every test gets its own SQLite file in a fresh
 * temporary folder, removed when the test ends, so tests never see each other's rows.
 */
export function tempDir(beforeRemove: () => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'))
  onTestFinished(() => {
    beforeRemove()
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

/** A clock that ticks one second per call, so "newest first" orderings are deterministic. */
export function steppingClock(startIso = '2026-01-01T00:00:00.000Z'): Clock {
  let t = Date.parse(startIso)
  return () => {
    const now = new Date(t).toISOString()
    t += 1000
    return now
  }
}

export interface TempServices extends Services {
  dir: string
  dbPath: string
}

export function tempServices(overrides: Partial<ServiceOptions> = {}): TempServices {
  const opened: { services?: Services } = {}
  // The file is closed before its folder is removed, even when a test closed it already.
  const dir = tempDir(() => {
    if (opened.services?.db.open) opened.services.close()
  })
  const dbPath = join(dir, 'library.sqlite')
  const services = createServices({
    dbPath,
    shell: 'web',
    version: '0.0.0-test',
    defaultExportDir: join(dir, 'export'),
    clock: steppingClock(),
    ...overrides
  })
  opened.services = services
  return { ...services, dir, dbPath }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Imports text as a file and returns the new article's id, failing loudly when it is not imported. */
export async function importText(services: Services, name: string, text: string): Promise<string> {
  const result = await services.articles.importFile(name, utf8(text))
  if (result.status !== 'imported' || !result.articleId) {
    throw new Error(`fixture ${name} was not imported: ${result.status} ${result.message ?? ''}`)
  }
  return result.articleId
}

export function tableCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const table of ['articles', 'highlights', 'notes', 'tags', 'article_tags']) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  }
  return counts
}

/** Serializes whatever `build` puts into a fresh editor with the note nodes, as the renderer would save it. */
export function serializeNote(build: () => void): string {
  const editor = createHeadlessEditor({
    namespace: 'dossier-note-test',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error
    }
  })
  editor.update(build, { discrete: true })
  return JSON.stringify(editor.getEditorState().toJSON())
}

/**
 * A note as the renderer's editor saves it: a paragraph with bold text, a bullet list, a link and
 * a quote, serialized exactly as `editor.getEditorState().toJSON()` produces it.
 */
export function richNoteState(): string {
  return serializeNote(() => {
    const paragraph = $createParagraphNode().append(
      $createTextNode('Compare with the '),
      $createTextNode('2024 figures').toggleFormat('bold'),
      $createTextNode(' before quoting.')
    )
    const list = $createListNode('bullet').append(
      $createListItemNode().append($createTextNode('ask the port authority')),
      $createListItemNode().append($createTextNode('check insurer premiums'))
    )
    const link = $createParagraphNode().append(
      $createTextNode('See '),
      $createLinkNode('https://example.org/baltic-ice').append($createTextNode('the ice report')),
      $createTextNode('.')
    )
    const quote = $createQuoteNode().append($createTextNode('Nobody wants to be that port.'))
    $getRoot().clear().append(paragraph, list, link, quote)
  })
}

/** A note holding one plain paragraph; an empty string gives the empty note an editor saves on clearing. */
export function plainNoteState(text: string): string {
  return serializeNote(() => {
    const paragraph = $createParagraphNode()
    if (text) paragraph.append($createTextNode(text))
    $getRoot().clear().append(paragraph)
  })
}
