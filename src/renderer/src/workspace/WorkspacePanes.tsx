import type { MutableRefObject, RefObject } from 'react'
import type { Label } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { ShownError } from '../api/error-message'
import { useT } from '../i18n/use-t'
import type { EditorHandle } from '../notes/LoadedEditor'
import { NotesPane, type SidebarTab } from '../notes/NotesPane'
import { ReaderPane } from '../reader/ReaderPane'
import type { Workspace } from './use-workspace'

interface Props {
  workspace: Workspace
  labels: readonly Label[]
  fail(err: unknown): void
  libraryChanged(): void
  libraryTotal: number | null
  /** Filled in by the reader: the canonical offsets of its selection, for Re-attach in the sidebar. */
  selection: MutableRefObject<(() => { start: number; end: number } | null) | null>
}

/** The reader in the middle of the window, or what to do when no article is open. */
export function ReaderArea({ workspace: w, labels, fail, libraryChanged, libraryTotal, selection, onSelectMark, onHighlightCreated }: Props & { onSelectMark(id: string): void; onHighlightCreated(): void }) {
  const client = useClient()
  const t = useT()
  const article = w.article
  if (!article) {
    return (
      <section className="reader reader-empty">
        <p>{libraryTotal ? t('reader:empty.choose') : t('reader:empty.import')}</p>
      </section>
    )
  }
  return (
    <ReaderPane
      article={article}
      highlights={w.highlights}
      labels={labels}
      selectedHighlightId={w.selectedHighlightId}
      onSelectHighlight={onSelectMark}
      onCreateHighlight={(s, e, labelId) => void w.createHighlight(s, e, labelId).then((id) => id && onHighlightCreated())}
      onSetBlockRemoved={(i, removed) => void w.setBlockRemoved(i, removed)}
      onArticleChanged={(a) => {
        w.setArticle(a)
        libraryChanged()
      }}
      onSetTags={(tags) => void client.call('article.setTags', { id: article.id, tags }).then(w.setArticle, fail)}
      selectionRef={selection}
    />
  )
}

/** The tabs beside the reader: highlights, the selected one's note, the notebook. */
export function Sidebar({ workspace: w, labels, fail, selection, tab, onTabChange, noteEditor }: Omit<Props, 'libraryTotal' | 'libraryChanged'> & {
  tab: SidebarTab
  onTabChange(tab: SidebarTab): void
  noteEditor: RefObject<EditorHandle | null>
}) {
  const client = useClient()
  const t = useT()
  const article = w.article
  if (!article) return null
  const refresh = () => w.refreshHighlights(article.id)
  return (
    <NotesPane
      article={article}
      highlights={w.highlights}
      labels={labels}
      selected={w.selected}
      tab={tab}
      onTabChange={onTabChange}
      noteEditor={noteEditor}
      onSelect={(id) => w.selectHighlight(id, { reveal: true })}
      onSetLabel={(id, labelId) => void client.call('highlight.setLabel', { id, labelId }).then(refresh, fail)}
      onSetTags={(id, tags) => void client.call('highlight.setTags', { id, tags }).then(refresh, fail)}
      onNoteSaved={w.onNoteSaved}
      onJump={(id) => w.selectHighlight(id, { reveal: true })}
      onConfirmPlacement={(h) => void client.call('highlight.reattach', { id: h.id, start: h.start, end: h.end }).then(refresh).catch(fail)}
      onReattach={(id) => {
        const offsets = selection.current?.()
        if (!offsets) return fail(new ShownError(t('shell:workspace.selectFirst', { reattach: t('notes:note.reattach') })))
        void client
          .call('highlight.reattach', { id, ...offsets })
          .then(() => {
            window.getSelection()?.removeAllRanges()
            return refresh()
          })
          .catch(fail)
      }}
      onDelete={(id) => void w.deleteHighlight(id)}
      onGrade={(id, credibility) => void w.gradeHighlight(id, credibility)}
    />
  )
}
