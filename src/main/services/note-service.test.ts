import { $createCodeNode } from '@lexical/code'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { describe, expect, it } from 'vitest'
import { importText, plainNoteState, richNoteState, serializeNote, tableCounts, tempServices } from './test-helpers'
import { caughtDossierError } from '../../shared/testing/caught-dossier-error'

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
