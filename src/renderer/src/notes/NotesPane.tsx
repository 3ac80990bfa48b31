import { useState, type DragEvent } from 'react'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import { HIGHLIGHT_DRAG_TYPE } from './highlight-drag'
import { HighlightNote } from './HighlightNote'
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
                {h.page !== undefined && <span className="page-ref">p. {h.pageLabel ?? h.page}</span>}
                {h.notePreview && <span className="note-preview">{h.notePreview}</span>}
                {h.needsReview && <span className="review-chip">check placement</span>}
                {h.tags.length > 0 && <span className="tag-list">{h.tags.map((t) => `#${t}`).join(' ')}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
      {selected && (
        // One key on the whole section: its fields and editor belong to this highlight and are
        // replaced together. Siblings keyed by the same id confused React, which kept stale
        // Tags fields whose tags were then lost (issue 15, item 1).
        <HighlightNote
          key={selected.id}
          highlight={selected}
          labels={labels}
          onDelete={onDelete}
          onSetLabel={onSetLabel}
          onSetTags={onSetTags}
          onReattach={onReattach}
          onConfirmPlacement={onConfirmPlacement}
          onNoteSaved={onNoteSaved}
        />
      )}
      <NotebookSection article={article} highlights={all} labels={labels} onJump={onJump} />
    </aside>
  )
}
