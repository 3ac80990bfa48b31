import { useState, type DragEvent } from 'react'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import { TagsField } from '../app/TagsField'
import { HIGHLIGHT_DRAG_TYPE } from './highlight-drag'
import { LoadedEditor } from './LoadedEditor'
import { NotebookSection } from './NotebookSection'

interface Props {
  article: Article
  highlights: readonly Highlight[]
  labels: readonly Label[]
  selected: Highlight | null
  onSelect(id: string): void
  onDelete(id: string): void
  onSetLabel(id: string, labelId: string | null): void
  onSetTags(id: string, tags: string[]): void
  /** Places the highlight on the text now selected in the reader. */
  onReattach(id: string): void
  onConfirmPlacement(highlight: Highlight): void
  /** A note was written: lists show its preview. */
  onNoteSaved(): void
  /** Scrolls the reader to a highlight and flashes it (a quote node was clicked). */
  onJump(id: string): void
}

/** A highlight dragged from the list carries its id, for the notebook to quote. */
function dragHighlight(event: DragEvent, id: string): void {
  event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, id)
  event.dataTransfer.effectAllowed = 'copy'
}

/** The article's highlights in reading order, and the note of the selected one. */
export function NotesPane({ article, highlights: all, labels, selected, onSelect, onDelete, onSetLabel, onSetTags, onReattach, onConfirmPlacement, onNoteSaved, onJump }: Props) {
  const [filter, setFilter] = useState<string>('all')
  const labelOf = (h: Highlight) => labels.find((l) => l.id === h.labelId)
  const highlights = all.filter((h) => !h.orphaned && (filter === 'all' || (h.labelId ?? 'none') === filter))
  const orphans = all.filter((h) => h.orphaned)
  return (
    <aside className="notes-pane" aria-label="Notes">
      {orphans.length > 0 && (
        <section className="needs-attention" aria-label="Needs attention" data-testid="needs-attention">
          <h2 className="pane-title">Needs attention</h2>
          <p className="empty-hint">These passages are no longer in the article's text. Their notes are kept.</p>
          <ol className="highlight-list">
            {orphans.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className={`highlight-item orphan${selected?.id === h.id ? ' selected' : ''}`}
                  onClick={() => onSelect(h.id)}
                  draggable
                  onDragStart={(e) => dragHighlight(e, h.id)}
                >
                  <span className="highlight-quote">{h.exact}</span>
                  {h.notePreview && <span className="note-preview">{h.notePreview}</span>}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="pane-title-row">
        <h2 className="pane-title">Highlights</h2>
        <select aria-label="Show highlights with label" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">All labels</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          <option value="none">No label</option>
        </select>
      </div>
      {highlights.length === 0 ? (
        <p className="empty-hint">
          {filter === 'all' ? (
            <>
              Select text in the article and press <kbd>H</kbd> to highlight it, or <kbd>1</kbd>–<kbd>9</kbd> for a label.
            </>
          ) : (
            'No highlight has this label.'
          )}
        </p>
      ) : (
        <ol className="highlight-list" data-testid="highlight-list">
          {highlights.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className={`highlight-item${selected?.id === h.id ? ' selected' : ''}`}
                onClick={() => onSelect(h.id)}
                aria-current={selected?.id === h.id}
                draggable
                onDragStart={(e) => dragHighlight(e, h.id)}
                title="Drag into the notebook to quote it"
              >
                {labelOf(h) && <span className={`label-chip small c-${labelOf(h)!.color}`}>{labelOf(h)!.name}</span>}
                <span className="highlight-quote">{h.exact}</span>
                {h.notePreview && <span className="note-preview">{h.notePreview}</span>}
                {h.needsReview && <span className="review-chip">check placement</span>}
                {h.tags.length > 0 && <span className="tag-list">{h.tags.map((t) => `#${t}`).join(' ')}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
      {selected && (
        <section className="note-section" aria-label="Note">
          <div className="note-head">
            <h2 className="pane-title">Note</h2>
            <button type="button" className="danger" onClick={() => onDelete(selected.id)} title="Delete this highlight and its note">
              Delete highlight
            </button>
          </div>
          <label className="label-select">
            Label
            <select value={selected.labelId ?? ''} onChange={(e) => onSetLabel(selected.id, e.target.value || null)}>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
              <option value="">No label</option>
            </select>
          </label>
          <TagsField key={selected.id} label="Tags" tags={selected.tags} onSave={(tags) => onSetTags(selected.id, tags)} />
          <blockquote className="note-quote-preview">{selected.exact}</blockquote>
          {selected.needsReview && !selected.orphaned && (
            <p className="review-help">
              The text changed and this passage was placed with some doubt ({Math.round(selected.confidence * 100)}% sure). Check it in the article, then{' '}
              <button type="button" onClick={() => onConfirmPlacement(selected)}>
                Confirm placement
              </button>{' '}
              or select the right words and{' '}
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onReattach(selected.id)}>
                Re-attach to the selection
              </button>
            </p>
          )}
          {selected.orphaned && (
            <p className="orphan-help">
              This passage is no longer in the text. Select where it belongs now and{' '}
              <button type="button" onMouseDown={(e) => e.preventDefault() /* keep the reader's selection */} onClick={() => onReattach(selected.id)}>
                Re-attach to the selection
              </button>
            </p>
          )}
          <LoadedEditor
            key={selected.id}
            target={{ highlightId: selected.id }}
            label="Note on the selected highlight"
            placeholder="Write a note… (Markdown shortcuts work: **bold**, - list, > quote, [ ] to-do)"
            testId="note-input"
            statusTestId="save-status"
            onSaved={onNoteSaved}
          />
        </section>
      )}
      <NotebookSection article={article} highlights={all} labels={labels} onJump={onJump} />
    </aside>
  )
}
