import { lazy, Suspense, useMemo, useState, type DragEvent, type Ref } from 'react'
import { dirAttribute } from '../../../shared/text/direction'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import { showPage } from '../pages/page-view-store'
import { HIGHLIGHT_DRAG_TYPE } from './highlight-drag'
import { GradeChip } from '../grades/GradeChip'
import { Tabs } from '../ui/Tabs'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'
import { HighlightNote } from './HighlightNote'
import type { EditorHandle } from './LoadedEditor'
import { useProgressiveCount } from '../reader/progressive-blocks'
import { loadNotebookSection } from './editor-chunks'

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
  onGrade(id: string, credibility: number | null): void
  /** Scrolls the reader to a highlight and flashes it (a quote node was clicked). */
  onJump(id: string): void
  tab: SidebarTab
  onTabChange(tab: SidebarTab): void
  noteEditor?: Ref<EditorHandle>
}

export type SidebarTab = 'highlights' | 'note' | 'notebook'

/** The notebook brings its quote plugin, and so Lexical: it loads when its tab is first shown (decision 0030). */
const NotebookSection = lazy(() => loadNotebookSection().then((m) => ({ default: m.NotebookSection })))

/** Highlights listed at once, then per step: more than a screen holds. */
const LIST_FIRST = 60
const LIST_STEP = 200

/** A highlight dragged from the list carries its id, for the notebook to quote. */
function dragHighlight(event: DragEvent, id: string): void {
  event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, id)
  event.dataTransfer.effectAllowed = 'copy'
}

/**
 * The sidebar beside the reader, in tabs so each gets the full height: the article's highlights
 * in reading order, the note of the selected one, and the article's notebook. Later tabs (claims,
 * entities of this article) join the list.
 */
export function NotesPane({ article, highlights: all, labels, selected, onSelect, onDelete, onSetLabel, onSetTags, onReattach, onConfirmPlacement, onNoteSaved, onGrade, onJump, tab, onTabChange, noteEditor }: Props) {
  const t = useT()
  const [filter, setFilter] = useState<string>('all')
  const labelOf = (h: Highlight) => labels.find((l) => l.id === h.labelId)
  const highlights = useMemo(() => all.filter((h) => !h.orphaned && (filter === 'all' || (h.labelId ?? 'none') === filter)), [all, filter])
  const orphans = all.filter((h) => h.orphaned)
  // A long list is drawn in steps, as the reader draws a long article: the first paint of an
  // article with a thousand highlights does not wait for a thousand list items.
  const weights = useMemo(() => highlights.map(() => 1), [highlights])
  const drawn = useProgressiveCount(`${article.id} ${filter}`, weights, LIST_FIRST, LIST_STEP)
  const list = (
    <>
      {orphans.length > 0 && (
        <section className="needs-attention" aria-label={t('notes:needsAttention.title')} data-testid="needs-attention">
          <h2 className="pane-title">{t('notes:needsAttention.title')}</h2>
          <p className="empty-hint">{t('notes:needsAttention.hint')}</p>
          <ol className="highlight-list">
            {orphans.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className={`highlight-item orphan${selected?.id === h.id ? ' selected' : ''}`}
                  onClick={() => {
                    // What to do about a lost passage (Re-attach) is in its note.
                    onSelect(h.id)
                    onTabChange('note')
                  }}
                  draggable
                  onDragStart={(e) => dragHighlight(e, h.id)}
                >
                  <span className="highlight-quote" dir={dirAttribute(h.exact)}>
                  {h.exact}
                </span>
                  {h.notePreview && <span className="note-preview">{h.notePreview}</span>}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="pane-title-row">
        <h2 className="pane-title">{t('notes:highlights.title')}</h2>
        <select aria-label={t('notes:highlights.filter')} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">{t('notes:highlights.allLabels')}</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          <option value="none">{t('notes:highlights.noLabel')}</option>
        </select>
      </div>
      {highlights.length === 0 ? (
        <p className="empty-hint">
          {filter === 'all'
            ? richT(t, 'notes:highlights.empty', {
                highlightKey: <kbd>H</kbd>,
                labelKeys: (
                  <>
                    <kbd>1</kbd>–<kbd>9</kbd>
                  </>
                )
              })
            : t('notes:highlights.emptyFiltered')}
        </p>
      ) : (
        <ol className="highlight-list" data-testid="highlight-list">
          {highlights.slice(0, drawn).map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className={`highlight-item${selected?.id === h.id ? ' selected' : ''}`}
                onClick={() => onSelect(h.id)}
                aria-current={selected?.id === h.id}
                draggable
                onDragStart={(e) => dragHighlight(e, h.id)}
                title={t('notes:highlight.dragHint')}
              >
                <span className="highlight-item-head">
                  {labelOf(h) && <span className={`label-chip small c-${labelOf(h)!.color}`} translate="no">{labelOf(h)!.name}</span>}
                  <GradeChip reliability={h.reliability ?? null} credibility={h.credibility ?? null} inert />
                </span>
                <span className="highlight-quote" dir={dirAttribute(h.exact)}>
                  {h.exact}
                </span>
                {h.notePreview && <span className="note-preview">{h.notePreview}</span>}
                {h.needsReview && <span className="review-chip">{t('notes:highlight.checkPlacement')}</span>}
                {h.tags.length > 0 && <span className="tag-list">{h.tags.map((t) => `#${t}`).join(' ')}</span>}
              </button>
              {h.page !== undefined && (
                // Its own button: the page as printed, in the Page view.
                <button
                  type="button"
                  className="page-ref page-link"
                  onClick={() => {
                    onSelect(h.id)
                    showPage(article.id, h.page!)
                  }}
                  aria-label={t('notes:highlight.pageOpen', { page: h.pageLabel ?? String(h.page) })}
                  data-testid="highlight-page"
                >
                  {t('notes:highlight.page', { page: h.pageLabel ?? String(h.page) })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  )
  const note = selected ? (
    // One key on the whole section: its fields and editor belong to this highlight and are
    // replaced together. Siblings keyed by the same id confused React, which kept stale
    // Tags fields whose tags were then lost.
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
      onGrade={onGrade}
      editorHandle={noteEditor}
    />
  ) : (
    <p className="empty-hint">{t('notes:note.empty')}</p>
  )
  return (
    <aside className="notes-pane" aria-label={t('notes:pane.label')}>
      <Tabs
        label={t('notes:sidebar.label')}
        value={tab}
        onValueChange={(value) => onTabChange(value as SidebarTab)}
        tabs={[
          { id: 'highlights', label: t('notes:tab.highlights', { count: all.length }), content: list },
          { id: 'note', label: t('notes:tab.note'), content: note },
          {
            id: 'notebook',
            label: t('notes:tab.notebook'),
            // A highlight dragged from the list reaches the notebook through its tab.
            onDragEnter: () => onTabChange('notebook'),
            content: (
              <Suspense fallback={<p className="empty-hint">{t('notes:editor.loading')}</p>}>
                <NotebookSection article={article} highlights={all} labels={labels} onJump={onJump} />
              </Suspense>
            )
          }
        ]}
      />
    </aside>
  )
}
