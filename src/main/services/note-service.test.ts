import { $createCodeNode } from '@lexical/code'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { describe, expect, it } from 'vitest'
import { importText, plainNoteState, richNoteState, serializeNote, tableCounts, tempServices } from '../../../test/support/temp-services'
import { caughtDossierError } from '../../../test/support/caught-dossier-error'
import { $createHighlightQuoteNode } from '../../shared/notes/nodes/HighlightQuoteNode'
import { MAX_NOTE_CHARS, MAX_REVISIONS } from '../../shared/notes/note-schemas'

async function withHighlight() {
  const s = tempServices()
  const articleId = await importText(s, 'pact.txt', 'Icebreaker pact\n\nPort operators are negotiating a shared schedule.')
  const highlight = s.highlights.create(articleId, 0, 14)
  return { s, articleId, highlight }
}


describe('saving notes', () => {
  it('returns exactly the serialized editor state that was saved', async () => {
    const { s, highlight } = await withHighlight()
    const content = richNoteState()
    const saved = s.notes.save(highlight.id, content)
    expect(saved).toMatchObject({ highlightId: highlight.id, content })
    expect(s.notes.get(highlight.id)).toEqual(saved)
  })

  it('keeps only the styles the editor sets (none) in notes, notebooks and restored revisions', async () => {
    const { s, articleId, highlight } = await withHighlight()
    const hostile = serializeNote(() => {
      const text = $createTextNode('Cover the window').setStyle('position:fixed; width:100vw; height:100vh; background:url(https://evil.example/a.png)')
      $getRoot().clear().append($createParagraphNode().setTextStyle('color:red').append(text))
    })
    expect(hostile).toContain('position:fixed')
    const saved = s.notes.save(highlight.id, hostile)
    const notebook = s.notes.saveNotebook(articleId, hostile)
    // A revision written before the fix, restored: cleaned on the way back in too.
    s.db.prepare('UPDATE note_revisions SET content = ?').run(hostile)
    const revision = s.notes.revisions({ highlightId: highlight.id })[0]!
    const restored = s.notes.restoreRevision(revision.id)
    for (const content of [saved.content, notebook.content, s.notes.get(highlight.id)!.content, s.notes.getNotebook(articleId)!.content, restored.content]) {
      expect(content).not.toMatch(/position|url\(|color/)
      expect(content).toContain('Cover the window')
    }
  })

  it('holds every path that saves a note to the limit the editor can open, with a sentence', async () => {
    const { s, articleId, highlight } = await withHighlight()
    const big = plainNoteState('x'.repeat(MAX_NOTE_CHARS))
    expect(big.length).toBeGreaterThan(MAX_NOTE_CHARS)
    const refused = caughtDossierError(() => s.notes.save(highlight.id, big))
    expect(refused.code).toBe('too_large')
    expect(refused.message).toMatch(/^The note is [\d,]+ KB; a note holds at most 512 KB\./)
    expect(caughtDossierError(() => s.notes.saveNotebook(articleId, big)).code).toBe('too_large')
    // Through the contract the analyst's editor uses, the same sentence.
    const viaContract = await s.dispatch('note.save', { highlightId: highlight.id, content: big })
    expect(viaContract).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('a note holds at most 512 KB') } })
    // A revision saved under the old 2 MiB limit cannot come back over the new one.
    s.notes.save(highlight.id, plainNoteState('small'))
    s.db.prepare('UPDATE note_revisions SET content = ?').run(big)
    const revision = s.notes.revisions({ highlightId: highlight.id })[0]!
    expect(caughtDossierError(() => s.notes.restoreRevision(revision.id)).code).toBe('too_large')
    expect(s.notes.markdown(highlight.id)).toBe('small')
    // Just under the limit is saved.
    const fits = plainNoteState('y'.repeat(MAX_NOTE_CHARS - 400))
    expect(fits.length).toBeLessThanOrEqual(MAX_NOTE_CHARS)
    expect(s.notes.save(highlight.id, fits).content).toBe(fits)
  })

  it('replaces the earlier note on a second save, keeping one row', async () => {
    const { s, highlight } = await withHighlight()
    const first = s.notes.save(highlight.id, plainNoteState('First thought.'))
    const second = s.notes.save(highlight.id, plainNoteState('Second thought.'))
    expect(s.notes.get(highlight.id)).toEqual(second)
    expect(second.updatedAt > first.updatedAt).toBe(true)
    expect(tableCounts(s.db).notes).toBe(1)
  })

  it('renders the note as Markdown: bold, list items, link and quote', async () => {
    const { s, highlight } = await withHighlight()
    s.notes.save(highlight.id, richNoteState())
    const markdown = s.notes.markdown(highlight.id)!
    expect(markdown).toContain('Compare with the **2024 figures** before quoting.')
    expect(markdown).toContain('- ask the port authority\n- check insurer premiums')
    expect(markdown).toContain('[the ice report](https://example.org/baltic-ice)')
    expect(markdown).toContain('> Nobody wants to be that port.')
  })

  it('exports markup typed into a note as text, not HTML, but leaves code alone', async () => {
    const { s, highlight } = await withHighlight()
    const typed = 'Typed <b>bold</b> & <!-- note -->'
    s.notes.save(
      highlight.id,
      serializeNote(() => {
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append($createTextNode(typed)),
            $createParagraphNode().append($createTextNode('<br>').toggleFormat('code')),
            $createCodeNode().append($createTextNode('if (a < b && c) {}'))
          )
      })
    )
    const markdown = s.notes.markdown(highlight.id)!
    expect(markdown).toContain('Typed &lt;b>bold&lt;/b> &amp; &lt;!-- note -->')
    expect(markdown).toContain('`<br>`')
    expect(markdown).toContain('if (a < b && c) {}')
    // Search indexes what was typed, unescaped.
    const row = s.db.prepare('SELECT plain_text FROM notes WHERE highlight_id = ?').get(highlight.id) as { plain_text: string }
    expect(row.plain_text.startsWith(typed)).toBe(true)
  })

  it('has no Markdown for a missing or empty note', async () => {
    const { s, highlight } = await withHighlight()
    expect(s.notes.markdown(highlight.id)).toBeNull()
    s.notes.save(highlight.id, plainNoteState(''))
    expect(s.notes.markdown(highlight.id)).toBeNull()
  })

  it.each([
    ['garbage', 'not json at all'],
    ['truncated JSON', richNoteState().slice(0, 40)],
    ['JSON that is not a state', '{"hello":"world"}'],
    ['null', 'null'],
    ['an unknown node type', richNoteState().replace('"type":"quote"', '"type":"marquee"')]
  ])('refuses %s as invalid_input and stores nothing', async (_label, content) => {
    const { s, highlight } = await withHighlight()
    const err = caughtDossierError(() => s.notes.save(highlight.id, content))
    expect(err.code).toBe('invalid_input')
    expect(err.message).toMatch(/^content: /)
    expect(s.notes.get(highlight.id)).toBeNull()
  })

  it('still reads good notes after refusing a bad one', async () => {
    const { s, highlight } = await withHighlight()
    caughtDossierError(() => s.notes.save(highlight.id, '{oops'))
    s.notes.save(highlight.id, richNoteState())
    expect(s.notes.markdown(highlight.id)).toContain('**2024 figures**')
  })

  it('answers not_found for a highlight that does not exist', async () => {
    const { s } = await withHighlight()
    const err = caughtDossierError(() => s.notes.save('00000000-0000-4000-8000-000000000000', richNoteState()))
    expect(err.code).toBe('not_found')
    expect(tableCounts(s.db).notes).toBe(0)
  })

  it('reports the same errors through dispatch', async () => {
    const { s, highlight } = await withHighlight()
    expect(await s.dispatch('note.save', { highlightId: highlight.id, content: '{"root":' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(await s.dispatch('note.get', { highlightId: highlight.id })).toEqual({ ok: true, value: null })
  })
})

describe('revisions', () => {
  it('keeps each save as a revision, newest first, with a preview', async () => {
    const { s, highlight } = await withHighlight()
    s.notes.save(highlight.id, plainNoteState('First thought.'))
    s.notes.save(highlight.id, plainNoteState('Second thought.'))
    const revisions = s.notes.revisions({ highlightId: highlight.id })
    expect(revisions.map((r) => r.preview)).toEqual(['Second thought.', 'First thought.'])
    expect(revisions[0]!.savedAt > revisions[1]!.savedAt).toBe(true)
  })

  // Issue 15, item 17: every entry showed the same preview and no difference.
  it('says what each save changed since the one before', async () => {
    const { s, highlight } = await withHighlight()
    s.notes.save(highlight.id, plainNoteState('The pact holds.'))
    s.notes.save(highlight.id, plainNoteState('The pact holds if insurers agree.'))
    s.notes.save(highlight.id, plainNoteState('The pact holds if insurers and ports agree.'))
    const revisions = s.notes.revisions({ highlightId: highlight.id })
    expect(revisions.map((r) => r.change && { removed: r.change.removed, added: r.change.added })).toEqual([
      { removed: 'agree.', added: 'and ports agree.' },
      { removed: 'holds.', added: 'holds if insurers agree.' },
      null
    ])
  })

  it('adds no revision for a save that changes nothing', async () => {
    const { s, highlight } = await withHighlight()
    s.notes.save(highlight.id, plainNoteState('Same.'))
    s.notes.save(highlight.id, plainNoteState('Same.'))
    expect(s.notes.revisions({ highlightId: highlight.id })).toHaveLength(1)
  })

  it(`keeps only the last ${MAX_REVISIONS} of each note, and never touches another note's`, async () => {
    const { s, articleId, highlight } = await withHighlight()
    const other = s.highlights.create(articleId, 15, 29)
    s.notes.save(other.id, plainNoteState('Other note.'))
    for (let i = 1; i <= MAX_REVISIONS + 5; i++) s.notes.save(highlight.id, plainNoteState(`Draft ${i}`))
    const revisions = s.notes.revisions({ highlightId: highlight.id })
    expect(revisions).toHaveLength(MAX_REVISIONS)
    expect(revisions[0]!.preview).toBe(`Draft ${MAX_REVISIONS + 5}`)
    expect(revisions.at(-1)!.preview).toBe('Draft 6')
    expect(s.notes.revisions({ highlightId: other.id }).map((r) => r.preview)).toEqual(['Other note.'])
  })

  it('restores an earlier revision as a new save, so the restore itself can be undone', async () => {
    const { s, highlight } = await withHighlight()
    s.notes.save(highlight.id, plainNoteState('Keep this.'))
    s.notes.save(highlight.id, plainNoteState('Oops, overwritten.'))
    const [, older] = s.notes.revisions({ highlightId: highlight.id })
    const restored = s.notes.restoreRevision(older!.id)
    expect(restored).toMatchObject({ highlightId: highlight.id, articleId: null, content: plainNoteState('Keep this.') })
    expect(s.notes.get(highlight.id)!.content).toBe(plainNoteState('Keep this.'))
    expect(s.notes.revisions({ highlightId: highlight.id }).map((r) => r.preview)).toEqual(['Keep this.', 'Oops, overwritten.', 'Keep this.'])
  })

  it('answers not_found for a revision that does not exist', async () => {
    const { s } = await withHighlight()
    expect(caughtDossierError(() => s.notes.restoreRevision(999)).code).toBe('not_found')
  })

  it('writes no revision when a save is refused', async () => {
    const { s, highlight } = await withHighlight()
    caughtDossierError(() => s.notes.save(highlight.id, '{"root":'))
    expect(s.notes.revisions({ highlightId: highlight.id })).toEqual([])
  })

  it('refuses a revisions request naming both a highlight and an article, through dispatch', async () => {
    const { s, articleId, highlight } = await withHighlight()
    const result = await s.dispatch('note.revisions', { highlightId: highlight.id, articleId })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('notebooks', () => {
  const quote = (highlightId: string) =>
    serializeNote(() => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append($createTextNode('Our assessment:')),
          $createHighlightQuoteNode({ highlightId, quote: 'Icebreaker pact #1', label: 'Claim', citation: 'pact.txt, 2026-01-01' })
        )
    })

  it('saves one notebook per article with its revisions, and restores one', async () => {
    const { s, articleId, highlight } = await withHighlight()
    expect(await s.dispatch('notebook.get', { articleId })).toEqual({ ok: true, value: null })
    s.notes.saveNotebook(articleId, plainNoteState('Draft one.'))
    const saved = await s.dispatch('notebook.save', { articleId, content: quote(highlight.id) })
    expect(saved.ok).toBe(true)
    expect(s.notes.getNotebook(articleId)!.content).toBe(quote(highlight.id))
    const revisions = s.notes.revisions({ articleId })
    expect(revisions.map((r) => r.preview)).toEqual([expect.stringContaining('“Icebreaker pact #1” — pact.txt'), 'Draft one.'])
    expect(await s.dispatch('note.restoreRevision', { revisionId: revisions[1]!.id })).toMatchObject({
      ok: true,
      value: { articleId, highlightId: null, content: plainNoteState('Draft one.') }
    })
    expect(s.notes.notebookMarkdown(articleId)).toBe('Draft one.')
  })

  it('exports quote nodes as escaped blockquotes with a citation and links to the passage', async () => {
    const { s, articleId, highlight } = await withHighlight()
    s.notes.saveNotebook(articleId, quote(highlight.id))
    expect(s.notes.notebookMarkdown(articleId)).toBe(
      [
        'Our assessment:',
        '',
        '> Icebreaker pact \\#1',
        '>',
        `> — **Claim**, pact.txt, 2026-01-01 · [passage](#^h-${highlight.id}) · [open in Dossier](dossier://highlight/${highlight.id})`
      ].join('\n')
    )
  })

  it('keeps the quote in the notebook after its highlight is deleted', async () => {
    const { s, articleId, highlight } = await withHighlight()
    s.notes.saveNotebook(articleId, quote(highlight.id))
    s.highlights.delete(highlight.id)
    expect(s.notes.notebookMarkdown(articleId)).toContain('> Icebreaker pact \\#1')
  })

  it('refuses a quote node without its highlight id, and a notebook for a missing article', async () => {
    const { s, articleId, highlight } = await withHighlight()
    const broken = quote(highlight.id).replace(`"highlightId":"${highlight.id}"`, '"highlightId":"nope"')
    expect(caughtDossierError(() => s.notes.saveNotebook(articleId, broken)).message).toMatch(/^content: .*highlightId/)
    expect(caughtDossierError(() => s.notes.saveNotebook('00000000-0000-4000-8000-000000000000', plainNoteState('x'))).code).toBe('not_found')
    expect(s.notes.getNotebook(articleId)).toBeNull()
  })
})
