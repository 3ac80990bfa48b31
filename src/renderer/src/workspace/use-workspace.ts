import { useCallback, useEffect, useRef, useState } from 'react'
import { CREDIBILITY_MESSAGES, isCredibility } from '../../../shared/analysis/admiralty'
import type { Article, Highlight } from '../../../shared/domain-types'
import type { DossierLink } from '../../../shared/links/dossier-link'
import type { DossierClient } from '../api/client'
import { revealWhenDrawn } from '../app/use-highlight-shortcuts'
import { flushAll } from '../notes/autosave'
import { useRouter } from '../shell/router'
import type { ToastSpec } from '../ui/Toast'
import { gradeText } from '../grades/grade-text'
import { useLocale, useT } from '../i18n/use-t'

interface Options {
  client: DossierClient
  fail(err: unknown): void
  toast(toast: ToastSpec): void
  /** The library changed (highlight counts, an article gone or back). */
  libraryChanged(): void
}

/**
 * The article in the reader, its highlights and the selected one, with what the analyst does to
 * them. The route is the source of truth for what is open: opening an article or a highlight is
 * navigating to it, so back, forward, reload and dossier:// links all go through one path.
 */
export function useWorkspace({ client, fail, toast, libraryChanged }: Options) {
  const { route, navigate } = useRouter()
  const t = useT()
  const { intl } = useLocale()
  const [article, setArticle] = useState<Article | null>(null)
  const [highlights, setHighlights] = useState<Highlight[]>([])
  const [selectedHighlightId, setSelectedHighlightId] = useState<string | null>(null)
  /** The article shown or on its way, so a route already being served is not loaded twice. */
  const shown = useRef<{ id: string; loaded: Promise<boolean> } | null>(null)
  /** The highlight selected from within the page: its route needs no loading and no reveal. */
  const selectedHere = useRef<string | null>(null)
  /** Deleted highlights, newest last, for Undo. */
  const undoStack = useRef<{ id: string; articleId: string }[]>([])

  const load = useCallback(
    (id: string): Promise<boolean> => {
      if (shown.current?.id === id) return shown.current.loaded
      const loaded = (async () => {
        try {
          await flushAll()
          const [a, hs] = await Promise.all([client.call('article.get', { id }), client.call('highlight.list', { articleId: id })])
          if (shown.current?.id !== id) return false
          setArticle(a)
          setHighlights(hs)
          setSelectedHighlightId(null)
          return true
        } catch (err) {
          if (shown.current?.id === id) shown.current = null
          fail(err)
          return false
        }
      })()
      shown.current = { id, loaded }
      return loaded
    },
    [client, fail]
  )

  const clear = useCallback(() => {
    shown.current = null
    setArticle(null)
    setHighlights([])
    setSelectedHighlightId(null)
  }, [])

  // Serve the route: an article, or a highlight in its article, scrolled to and flashed.
  const link = route.link
  useEffect(() => {
    // No link: nothing is open (what was loaded is hidden below, and reloaded if asked for again).
    if (!link) {
      shown.current = null
      return
    }
    if (link.kind === 'article') {
      void load(link.id)
      return
    }
    if (selectedHere.current === link.id && shown.current) return
    let live = true
    client.call('highlight.get', { id: link.id }).then(
      async (highlight) => {
        if (!live || !(await load(highlight.articleId)) || !live) return
        setSelectedHighlightId(highlight.id)
        if (highlight.orphaned) fail(new Error(t('shell:workspace.orphaned')))
        else revealWhenDrawn(highlight.id)
      },
      (err: unknown) => live && fail(err)
    )
    return () => {
      live = false
    }
    // Only a new link is a new place to go; the loaders are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link?.kind, link?.id])

  const openLink = useCallback((target: DossierLink) => navigate({ link: target }), [navigate])
  const openArticle = useCallback(
    async (id: string) => {
      navigate({ link: { kind: 'article', id } })
      return load(id)
    },
    [navigate, load]
  )

  /** Selecting a highlight of the open article: the address follows, without a history entry per click. */
  const selectHighlight = useCallback(
    (id: string | null, options: { reveal?: boolean } = {}) => {
      setSelectedHighlightId(id)
      selectedHere.current = id
      const articleId = shown.current?.id
      if (id) navigate({ link: { kind: 'highlight', id } }, { replace: true })
      else if (articleId) navigate({ link: { kind: 'article', id: articleId } }, { replace: true })
      // On the next frame, and on later ones while a long article is still being drawn.
      if (id && options.reveal) revealWhenDrawn(id, 0)
    },
    [navigate]
  )

  const refreshHighlights = useCallback(
    async (articleId: string, select?: string) => {
      const list = await client.call('highlight.list', { articleId })
      if (shown.current?.id === articleId) {
        setHighlights(list)
        // In the same render as its mark: a key pressed once the mark shows (Ctrl+Alt+A, N) acts on it.
        if (select) selectHighlight(select)
      }
      libraryChanged()
    },
    [client, libraryChanged, selectHighlight]
  )

  const createHighlight = useCallback(
    async (start: number, end: number, labelId: string | null) => {
      if (!article) return null
      try {
        const created = await client.call('highlight.create', { articleId: article.id, start, end, labelId })
        await refreshHighlights(article.id, created.id)
        return created.id
      } catch (err) {
        fail(err)
        return null
      }
    },
    [client, article, refreshHighlights, fail]
  )

  const undoDelete = useCallback(async () => {
    const last = undoStack.current.pop()
    if (!last) return
    try {
      const restored = await client.call('highlight.restore', { id: last.id })
      if (shown.current?.id === last.articleId) await refreshHighlights(last.articleId, restored.id)
    } catch (err) {
      fail(err)
    }
  }, [client, refreshHighlights, fail])

  const deleteHighlight = useCallback(
    async (id: string) => {
      if (!article) return
      try {
        await client.call('highlight.delete', { id })
        undoStack.current.push({ id, articleId: article.id })
        selectHighlight(null)
        await refreshHighlights(article.id)
        toast({ text: t('shell:workspace.highlightDeleted'), undo: () => void undoDelete() })
      } catch (err) {
        fail(err)
      }
    },
    [client, article, refreshHighlights, selectHighlight, toast, undoDelete, fail, t]
  )

  /**
   * Grades a highlight's information credibility (1–6, or null for ungraded). The toast names the
   * grade with its source's reliability ("B2") and offers Undo back to the grade it had.
   */
  const gradeHighlight = useCallback(
    async (id: string, credibility: number | null) => {
      const articleId = shown.current?.id
      const before = highlights.find((h) => h.id === id)
      if (!articleId || !before) return
      const previous = before.credibility ?? null
      if (previous === credibility) return
      try {
        const graded = await client.call('highlight.grade', { id, credibility })
        await refreshHighlights(articleId)
        toast({
          text: isCredibility(credibility)
            ? t('shell:workspace.graded', {
                grade: gradeText(t, graded.reliability ?? null, graded.credibility ?? null),
                meaning: t(CREDIBILITY_MESSAGES[credibility]).toLocaleLowerCase(intl)
              })
            : t('shell:workspace.credibilityCleared'),
          undo: () =>
            void client
              .call('highlight.grade', { id, credibility: previous, reason: 'undone' })
              .then(() => refreshHighlights(articleId))
              .catch(fail)
        })
      } catch (err) {
        fail(err)
      }
    },
    [client, highlights, refreshHighlights, toast, fail, t, intl]
  )

  /** Moves the open article to the Trash, with Undo: nothing is one click from gone. */
  const trashArticle = useCallback(async () => {
    const target = article
    if (!target) return
    try {
      await client.call('article.delete', { id: target.id })
      navigate({ link: null })
      clear()
      libraryChanged()
      toast({
        text: t('shell:workspace.articleTrashed', { title: target.title }),
        undo: () =>
          void client
            .call('trash.restore', { kind: 'article', id: target.id })
            .then(() => libraryChanged())
            .then(() => openArticle(target.id))
            .catch(fail)
      })
    } catch (err) {
      fail(err)
    }
  }, [client, article, navigate, clear, libraryChanged, toast, openArticle, fail, t])

  const setBlockRemoved = useCallback(
    async (blockIndex: number, removed: boolean) => {
      if (!article) return
      try {
        const changed = await client.call('article.setBlockRemoved', { articleId: article.id, blockIndex, removed })
        setArticle(changed.article)
        setHighlights(changed.highlights)
      } catch (err) {
        fail(err)
      }
    },
    [client, article, fail]
  )

  // Stable, so the note editor's saver is not rebuilt on every render.
  const onNoteSaved = useCallback(() => {
    const articleId = shown.current?.id
    if (!articleId) return
    client.call('highlight.list', { articleId }).then((list) => {
      // The analyst may have opened another article meanwhile.
      if (shown.current?.id === articleId) setHighlights(list)
    }, fail)
  }, [client, fail])

  /** After a restore from backup, nothing that was open may still exist. */
  const reset = useCallback(() => {
    navigate({ link: null })
    clear()
  }, [navigate, clear])

  const open = link ? article : null
  const openHighlights = link ? highlights : NONE
  return {
    article: open,
    setArticle,
    highlights: openHighlights,
    selectedHighlightId: open ? selectedHighlightId : null,
    selected: open ? (highlights.find((h) => h.id === selectedHighlightId) ?? null) : null,
    openArticle,
    openLink,
    reopen: (id: string) => {
      shown.current = null
      return load(id)
    },
    selectHighlight,
    refreshHighlights,
    createHighlight,
    deleteHighlight,
    gradeHighlight,
    undoDelete,
    trashArticle,
    setBlockRemoved,
    onNoteSaved,
    reset
  }
}

const NONE: Highlight[] = []

export type Workspace = ReturnType<typeof useWorkspace>
