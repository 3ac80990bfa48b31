import { isCredibility } from '../../../shared/analysis/admiralty'
import { dirAttribute } from '../../../shared/text/direction'
import type { Highlight, Label } from '../../../shared/domain-types'
import { CredibilityPicker, GradeChip } from '../grades/GradeChip'
import { TagsField } from '../app/TagsField'
import { AddToTimeline } from '../timeline/AddToTimeline'
import type { Ref } from 'react'
import { LoadedEditor, type EditorHandle } from './LoadedEditor'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'

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
  const t = useT()
  const reattach = (
    <button type="button" onMouseDown={(e) => e.preventDefault() /* keep the reader's selection */} onClick={() => onReattach(selected.id)}>
      {t('notes:note.reattach')}
    </button>
  )
  return (
    <section className="note-section" aria-label={t('notes:tab.note')}>
      <div className="note-head">
        <h2 className="pane-title">{t('notes:tab.note')}</h2>
        <button type="button" className="danger" onClick={() => onDelete(selected.id)} title={t('notes:note.deleteTitle')}>
          {t('notes:note.delete')}
        </button>
      </div>
      <label className="label-select">
        {t('notes:note.label')}
        <select value={selected.labelId ?? ''} onChange={(e) => onSetLabel(selected.id, e.target.value || null)}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          <option value="">{t('notes:highlights.noLabel')}</option>
        </select>
      </label>
      <TagsField label={t('notes:note.tags')} tags={selected.tags} onSave={(tags) => onSetTags(selected.id, tags)} />
      <div className="highlight-grade" data-testid="highlight-grade">
        <span>
          {t('notes:note.grade')} <GradeChip reliability={selected.reliability ?? null} credibility={selected.credibility ?? null} />
        </span>
        <CredibilityPicker
          label={t('notes:note.credibility')}
          value={isCredibility(selected.credibility) ? selected.credibility : null}
          onChange={(c) => onGrade(selected.id, c)}
        />
        <p className="grade-scale-note">
          {richT(t, 'notes:note.gradeScale', {
            keys: (
              <>
                <kbd>Alt 1</kbd>–<kbd>6</kbd>
              </>
            )
          })}
        </p>
      </div>
      <AddToTimeline highlightId={selected.id} />
      <blockquote className="note-quote-preview" dir={dirAttribute(selected.exact)}>
        {selected.exact}
      </blockquote>
      {selected.needsReview && !selected.orphaned && (
        <p className="review-help">
          {richT(
            t,
            'notes:note.review',
            {
              confirm: (
                <button type="button" onClick={() => onConfirmPlacement(selected)}>
                  {t('notes:note.confirmPlacement')}
                </button>
              ),
              reattach
            },
            { confidence: Math.round(selected.confidence * 100) / 100 }
          )}
        </p>
      )}
      {selected.orphaned && (
        <p className="orphan-help">
          {richT(t, 'notes:note.orphan', { reattach })}
        </p>
      )}
      <LoadedEditor
        handle={editorHandle}
        target={{ highlightId: selected.id }}
        label={t('notes:note.editorLabel')}
        toolbarName={t('notes:note.toolbar')}
        placeholder={t('notes:note.placeholder')}
        testId="note-input"
        statusTestId="save-status"
        onSaved={onNoteSaved}
      />
    </section>
  )
}
