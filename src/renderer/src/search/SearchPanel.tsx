import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { dirAttribute } from '../../../shared/text/direction'
import type { SearchGroup, SearchHit } from '../../../shared/search/search-types'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { showPage } from '../pages/page-view-store'
import { SnippetText } from './SnippetText'
import { useSearch } from './use-search'

export interface SearchPanelHandle {
  focus(): void
}

interface Props {
  onOpen(group: SearchGroup, hit: SearchHit | null): void
  /** Bumped when the library changes, so open results are asked for again. */
  refresh: number
  /** The query, kept by the owner (in the route, so a reload keeps it). */
  query: string
  onQueryChange(query: string): void
  /** An operator every query is narrowed by (`case:<id>` while a case is open), and what to call it. */
  scope?: { operator: string; label: string }
}

const KIND_NAMES: Record<SearchHit['kind'], string> = {
  title: 'Title',
  text: 'Text',
  highlight: 'Highlight',
  note: 'Note',
  notebook: 'Notebook'
}

/**
 * The Search view: the box and its results below it, updated as the analyst types. Up and Down
 * move through the matches, Enter opens one at its passage and keeps the results, Escape clears
 * the box and then leaves it.
 */
export const SearchPanel = forwardRef<SearchPanelHandle, Props>(function SearchPanel({ onOpen, refresh, query, onQueryChange: setQuery, scope }, ref) {
  const client = useClient()
  const input = useRef<HTMLInputElement>(null)
  const { results, pending, error } = useSearch(client, query, refresh, scope?.operator)
  // The active match goes back to the first whenever new results arrive.
  const [activeFor, setActiveFor] = useState<{ results: typeof results; index: number }>({ results: null, index: 0 })
  const active = activeFor.results === results ? activeFor.index : 0
  const setActive = (next: number | ((i: number) => number)) =>
    setActiveFor({ results, index: typeof next === 'function' ? next(active) : next })
  useImperativeHandle(ref, () => ({
    focus() {
      input.current?.focus()
      input.current?.select()
    }
  }))

  /** Every match in display order: what Up and Down walk through. */
  const entries = useMemo(
    () => (results?.groups ?? []).flatMap((group) => (group.hits.length ? group.hits : [null]).map((hit) => ({ group, hit }))),
    [results]
  )
  useEffect(() => {
    document.querySelector('.search-results [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [active])

  /** Opens a result; `asPage` opens a PDF's passage in the Page view, at its page. */
  function choose(index: number, asPage = false) {
    const entry = entries[index]
    if (!entry) return
    if (asPage && entry.hit?.page) showPage(entry.group.articleId, entry.hit.page)
    onOpen(entry.group, entry.hit)
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (entries.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(active, event.shiftKey)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (query) setQuery('')
      else input.current?.blur()
    }
  }

  let index = -1
  const optionId = (i: number) => `search-option-${i}`
  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        className="search-input"
        data-testid="search-input"
        placeholder="Search  (Ctrl/⌘ K or /)"
        aria-label="Search titles, text, highlights and notes"
        role="combobox"
        aria-expanded
        aria-controls="search-results"
        aria-activedescendant={entries.length ? optionId(active) : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {scope && (
        <p className="case-scope" data-testid="search-case-scope">
          Searching the case <strong>{scope.label}</strong>.
        </p>
      )}
      <div className="search-results" id="search-results" role="listbox" aria-label="Search results" data-testid="search-results" aria-busy={pending}>
        {!query.trim() ? (
          <SearchHelp />
        ) : error ? (
          <p className="search-empty" role="alert">
            {error}
          </p>
        ) : results && results.groups.length === 0 ? (
          <div className="search-empty" data-testid="search-no-results">
            <p>{results.notice ?? `Nothing matches “${query.trim()}”.`}</p>
            <SearchHelp />
          </div>
        ) : (
          <>
            {results?.notice && <p className="search-notice">{results.notice}</p>}
            {results?.groups.map((group) => (
              <section key={group.articleId} className="search-group" data-testid="search-group">
                <h3 className="search-group-title">
                  <span dir={dirAttribute(group.title)}>{group.title}</span>
                  <span className="search-group-meta">
                    {[group.source, formatDate(group.publishedAt ?? group.importedAt)].filter(Boolean).join(' · ')}
                    {group.matchCount > group.hits.length && ` · ${group.matchCount} matches`}
                  </span>
                </h3>
                {(group.hits.length ? group.hits : [null]).map((hit) => {
                  const i = ++index
                  return (
                    <div
                      key={i}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`search-hit${i === active ? ' active' : ''}`}
                      data-testid="search-hit"
                      data-kind={hit?.kind ?? 'title'}
                      onMouseDown={(e) => e.preventDefault() /* keep focus in the box until chosen */}
                      onMouseMove={() => setActive(i)}
                      onClick={() => choose(i)}
                    >
                      {hit && <span className={`hit-kind k-${hit.kind}`}>{KIND_NAMES[hit.kind]}</span>}
                      {hit && <SnippetText snippet={hit.snippet} />}
                      {hit?.page !== undefined && (
                        <span
                          className="page-link"
                          data-testid="search-hit-page"
                          title={`Open page ${hit.pageLabel ?? hit.page} in the Page view (Shift Enter)`}
                          onClick={(e) => {
                            e.stopPropagation()
                            choose(i, true)
                          }}
                        >
                          p. {hit.pageLabel ?? hit.page}
                        </span>
                      )}
                    </div>
                  )
                })}
              </section>
            ))}
            {results?.truncated && <p className="search-notice">Very common words: showing the best of the most recent matches. Add a word or a filter to narrow.</p>}
          </>
        )}
      </div>
    </div>
  )
})

function SearchHelp() {
  return (
    <div className="search-help" data-testid="search-help">
      <p>
        <strong>Search titles, article text, highlights and notes.</strong> Results update as you type; <kbd>↑</kbd> <kbd>↓</kbd> choose,{' '}
        <kbd>Enter</kbd> opens the passage.
      </p>
      <dl>
        <dt>grain corridor</dt>
        <dd>both words, anywhere</dd>
        <dt>&quot;grain corridor&quot;</dt>
        <dd>the exact phrase</dd>
        <dt>insur*</dt>
        <dd>words starting with “insur”</dd>
        <dt>tanker OR ferry</dt>
        <dd>either word</dd>
        <dt>-storm</dt>
        <dd>leave out matches with “storm”</dd>
        <dt>tag:baltic label:claim</dt>
        <dd>only that tag or label</dd>
        <dt>source:reuters author:roe</dt>
        <dd>by source or author</dd>
        <dt>in:highlights in:notes in:articles</dt>
        <dd>only that kind of text</dd>
        <dt>entity:&quot;Caspian Horizon&quot;</dt>
        <dd>mentioning that person, organisation, place or identifier, by any of its names</dd>
        <dt>after:2024-01 before:2025</dt>
        <dd>by date published (or imported)</dd>
      </dl>
    </div>
  )
}
