import { isCredibility } from '../../../shared/analysis/admiralty'
import { dirAttribute } from '../../../shared/text/direction'
import type { Highlight, Label } from '../../../shared/domain-types'
import { CredibilityPicker, GradeChip } from '../grades/GradeChip'
import { TagsField } from '../app/TagsField'
import { AddToTimeline } from '../timeline/AddToTimeline'
import type { Ref } from 'react'
import { LoadedEditor, type EditorHandle } from './LoadedEditor'

interface Props {
  highlight: Highlight
  labels: readonly Label[]
  onDelete(id: string): void
  onSetLabel(id: string, labelId: string | null): void
  onSetTags(id: string, tags: string[]): void
  onReattach(id: string): void
  onConfirmPlacement(highlight: Highlight): void
  onNoteSaved(): void
  /** Information credibility, 1–6, or null for ungraded. */
  onGrade(id: string, credibility: number | null): void
  editorHandle?: Ref<EditorHandle>
}

/**
 * The selected highlight's label, tags and note. Rendered under a key of the highlight's id, so
 * every field in it starts afresh for another highlight.
 */
export function HighlightNote({ highlight: selected, labels, onDelete, onSetLabel, onSetTags, onReattach, onConfirmPlacement, onNoteSaved, onGrade, editorHandle }: Props) {
  return (
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
      <TagsField label="Tags" tags={selected.tags} onSave={(tags) => onSetTags(selected.id, tags)} />
      <div className="highlight-grade" data-testid="highlight-grade">
        <span>
          Grade <GradeChip reliability={selected.reliability ?? null} credibility={selected.credibility ?? null} />
        </span>
        <CredibilityPicker
          label="Information credibility of this passage"
          value={isCredibility(selected.credibility) ? selected.credibility : null}
          onChange={(c) => onGrade(selected.id, c)}
        />
        <p className="grade-scale-note">
          Credibility (1–6, <kbd>Alt 1</kbd>–<kbd>6</kbd>) judges this passage; the letter is its source's reliability, graded on its own in Sources.
        </p>
      </div>
      <AddToTimeline highlightId={selected.id} />
      <blockquote className="note-quote-preview" dir={dirAttribute(selected.exact)}>
        {selected.exact}
      </blockquote>
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
        handle={editorHandle}
        target={{ highlightId: selected.id }}
        label="Note on the selected highlight"
        toolbarName="Note formatting"
        placeholder="Write a note… (Markdown shortcuts work: **bold**, - list, > quote, [ ] to-do)"
        testId="note-input"
        statusTestId="save-status"
        onSaved={onNoteSaved}
      />
    </section>
  )
}
