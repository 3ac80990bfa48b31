import { useVirtualizer } from '@tanstack/react-virtual'
import { dirAttribute } from '../../../shared/text/direction'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LibraryFacets } from '../../../shared/library/library-types'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { caseName, useCases } from '../cases/cases-store'
import { GradeChip } from '../grades/GradeChip'
import { useLocale, useT } from '../i18n/use-t'
import { richT } from '../i18n/rich'
import { SORTS, type LibraryView } from './library-view'
import { useLibraryPages } from './use-library-pages'
import { shownLabelName } from '../../../shared/i18n/default-labels'

interface Props {
  /** The current case: only its articles are listed. */
  caseId: string | null
  onShowAll(): void
  selectedId: string | null
  /** Bumped whenever the library changes (import, edit, delete). */
  version: number
  onSelect(id: string): void
  onImport(): void
  onImportSample(): void
  onTotal(total: number): void
  onError(err: unknown): void
}

const ROW_HEIGHT = 52

function cursorIndex(
  active: number | null,
  selectedId: string | null,
  itemAt: (index: number) => { id: string } | undefined,
  indexOf: (id: string) => number | null
): number | null {
  if (selectedId === null || (active !== null && itemAt(active)?.id === selectedId)) return active
  return indexOf(selectedId) ?? active
}

/**
 * The library as a virtual list: the DOM holds only the rows on screen, and rows are asked for a
 * page at a time as they scroll into view, so 100,000 articles open as fast as 100. Up, Down,
 * Home, End, Page Up and Page Down move through it and open the article.
 */
export function LibraryPane({ caseId, onShowAll, selectedId, version, onSelect, onImport, onImportSample, onTotal, onError }: Props) {
  const client = useClient()
  const t = useT()
  const { intl } = useLocale()
  const [sortValue, setSortValue] = useState('imported-desc')
  const [ownFilter, setFilter] = useState<LibraryView['filter']>({})
  const filter = caseId ? { ...ownFilter, caseId } : ownFilter
  const inCase = caseName(useCases().cases, caseId)
  const [facets, setFacets] = useState<LibraryFacets | null>(null)
  const [active, setActive] = useState<number | null>(null)
  const sort = SORTS.find((s) => s.value === sortValue) ?? SORTS[0]!
  const { total, itemAt, indexOf, ensure } = useLibraryPages(client, { sort: sort.sort, direction: sort.direction, filter }, version, onError)
  // The keyboard's row is the open article's, wherever that now is: an import puts rows above it,
  // and an article opened elsewhere (an import, a link, search) moves the cursor to it.
  const activeIndex = cursorIndex(active, selectedId, itemAt, indexOf)
  const scroller = useRef<HTMLDivElement>(null)
  const pendingOpen = useRef<number | null>(null)

  useEffect(() => {
    client.call('library.facets', {}).then((f) => {
      setFacets(f)
      onTotal(f.total)
    }, onError)
  }, [client, version, onTotal, onError])

  const count = total ?? 0
  // The virtualizer's functions change every render; this component does not memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows.at(-1)?.index ?? 0
  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [ensure, first, last, count])

  // A row chosen by keyboard may not be loaded yet: open it once its page arrives.
  const openAt = useCallback(
    (index: number) => {
      setActive(index)
      virtualizer.scrollToIndex(index, { align: 'auto' })
      const item = itemAt(index)
      if (item) {
        pendingOpen.current = null
        onSelect(item.id)
      } else {
        pendingOpen.current = index
        ensure(index, index)
      }
    },
    [virtualizer, itemAt, onSelect, ensure]
  )
  useEffect(() => {
    const index = pendingOpen.current
    if (index === null) return
    const item = itemAt(index)
    if (item) {
      pendingOpen.current = null
      onSelect(item.id)
    }
  }, [itemAt, onSelect])

  function onKeyDown(event: KeyboardEvent) {
    if (count === 0) return
    const current = activeIndex ?? -1
    const perPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + perPage,
      PageUp: current - perPage
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    openAt(Math.min(count - 1, Math.max(0, target)))
  }

  const filtered = Boolean(filter.tag || filter.labelId || filter.source !== undefined || filter.watchId !== undefined)
  const empty = total === 0 && !filtered && !caseId

  return (
    <nav className="library" aria-label={t('library:title')}>
      <h2 className="pane-title">
        {t('library:title')} <span className="count" data-testid="library-count">{total === null ? '' : total.toLocaleString(intl)}</span>
      </h2>
      {caseId && (
        <p className="case-scope" data-testid="library-case-scope">
          {t('library:caseScope.before')}
          <strong translate="no">{inCase ?? '…'}</strong>
          {t('library:caseScope.after')}{' '}
          <button type="button" className="link" onClick={onShowAll}>
            {t('library:caseScope.showAll')}
          </button>
        </p>
      )}
      {!empty && (
        <div className="library-controls">
          <select aria-label={t('library:sort.label')} data-testid="library-sort" value={sortValue} onChange={(e) => setSortValue(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.label)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('library:filter.tag')}
            data-testid="library-tag"
            value={filter.tag ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value || undefined }))}
          >
            <option value="">{t('library:filter.allTags')}</option>
            {facets?.tags.map((tag) => (
              <option key={tag.name} value={tag.name}>
                {t('library:filter.facet', { name: `#${tag.name}`, count: tag.count })}
              </option>
            ))}
          </select>
          <select
            aria-label={t('library:filter.label')}
            data-testid="library-label"
            value={filter.labelId ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, labelId: e.target.value || undefined }))}
          >
            <option value="">{t('library:filter.allLabels')}</option>
            {facets?.labels.map((l) => (
              <option key={l.id} value={l.id}>
                {t('library:filter.facet', { name: shownLabelName(l, t), count: l.count })}
              </option>
            ))}
          </select>
          <select
            aria-label={t('library:filter.source')}
            data-testid="library-source"
            value={filter.source ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, source: e.target.value || undefined }))}
          >
            <option value="">{t('library:filter.allSources')}</option>
            {facets?.sources.map((s) => (
              <option key={s.name} value={s.name}>
                {t('library:filter.facet', { name: s.name, count: s.count })}
              </option>
            ))}
          </select>
          {(facets?.watch.length ?? 0) > 0 && (
            <select
              aria-label={t('library:filter.watch')}
              data-testid="library-watch"
              value={filter.watchId ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, watchId: e.target.value ? Number(e.target.value) : undefined }))}
            >
              <option value="">{t('library:filter.allWatch')}</option>
              {facets?.watch.map((w) => (
                <option key={w.id} value={w.id}>
                  {t('library:filter.watchItem', { name: w.name, count: w.count })}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {empty ? (
        <div className="empty-state" data-testid="library-empty">
          <p>
            <strong>{t('library:empty.title')}</strong>
          </p>
          <p>{richT(t, 'library:empty.hint', { importKeys: <kbd>Ctrl/⌘ O</kbd>, pasteKeys: <kbd>Ctrl/⌘ V</kbd> })}</p>
          <button type="button" className="primary" onClick={onImport}>
            {t('library:empty.import')}
          </button>
          <button type="button" onClick={onImportSample} data-testid="import-sample">
            {t('library:empty.sample')}
          </button>
        </div>
      ) : total === 0 ? (
        <p className="library-none" data-testid="library-none">
          {caseId && !filtered
            ? t('library:none.case', { command: t('commands:case.addArticle') })
            : t('library:none.filters')}
        </p>
      ) : (
        <div
          ref={scroller}
          className="article-list"
          data-testid="article-list"
          tabIndex={0}
          aria-label={t('library:list.label', { count })}
          onKeyDown={onKeyDown}
        >
          <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const a = itemAt(row.index)
              const selected = a ? a.id === selectedId : false
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  aria-setsize={count}
                  aria-posinset={row.index + 1}
                  style={{ position: 'absolute', top: 0, insetInline: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                >
                  <button
                    type="button"
                    tabIndex={-1}
                    className={`article-item${selected ? ' selected' : ''}${row.index === activeIndex ? ' active' : ''}`}
                    aria-current={selected}
                    onClick={() => {
                      setActive(row.index)
                      // Keys go to the list, which outlives the rows scrolled out of the DOM.
                      scroller.current?.focus({ preventScroll: true })
                      if (a) onSelect(a.id)
                    }}
                  >
                    {a ? (
                      <>
                        <span className="article-title" dir={dirAttribute(a.title)} translate="no">
                          {a.title}
                        </span>
                        <span className="article-meta">
                          {a.reliability !== undefined && <GradeChip reliability={a.reliability} inert />} <span translate="no">{a.source}</span>
                          {a.source && ' · '}
                          {formatDate(a.publishedAt ?? a.importedAt, intl)}
                          {a.highlightCount > 0 && ` · ${t('library:item.highlights', { count: a.highlightCount })}`}
                        </span>
                      </>
                    ) : (
                      <span className="article-title loading">…</span>
                    )}
                  </button>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </nav>
  )
}
