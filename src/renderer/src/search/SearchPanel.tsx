import { forwardRef, Fragment, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { dirAttribute } from '../../../shared/text/direction'
import type { SearchGroup, SearchHit } from '../../../shared/search/search-types'
import { searchNotice } from '../../../shared/i18n/search-notices'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { showPage } from '../pages/page-view-store'
import { SnippetText } from './SnippetText'
import { useSearch } from './use-search'
import type { MessageKey } from '../../../shared/i18n'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

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

const KIND_NAMES: Record<SearchHit['kind'], MessageKey> = {
  title: 'search:kind.title',
  text: 'search:kind.text',
  highlight: 'search:kind.highlight',
  note: 'search:kind.note',
  notebook: 'search:kind.notebook'
}

/**
 * The Search view: the box and its results below it, updated as the analyst types. Up and Down
 * move through the matches, Enter opens one at its passage and keeps the results, Escape clears
 * the box and then leaves it.
 */
export const SearchPanel = forwardRef<SearchPanelHandle, Props>(function SearchPanel({ onOpen, refresh, query, onQueryChange: setQuery, scope }, ref) {
  const t = useT()
  const errorText = useErrorText()
  const { intl } = useLocale()
  const client = useClient()
  const input = useRef<HTMLInputElement>(null)
  const { results, pending, error } = useSearch(client, query, refresh, scope?.operator)
  // The active match goes back to the first whenever new results arrive.
  const [activeFor, setActiveFor] = useState<{ results: typeof results; index: number }>({ results: null, index: 0 })
  const active = activeFor.results === results ? activeFor.index : 0
  const setActive = (next: number | ((i: number) => number)) =>
    setActiveFor({ results, index: typeof next === 'function' ? next(active) : next })
  const notice = (text: string) => searchNotice(text, t)
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
        placeholder={t('search:placeholder', { keys: 'Ctrl/⌘ K' })}
        aria-label={t('search:label')}
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
          {richT(t, 'search:scope', { name: <strong translate="no">{scope.label}</strong> })}
        </p>
      )}
      <div className="search-results" id="search-results" role="listbox" aria-label={t('search:results')} data-testid="search-results" aria-busy={pending}>
        {!query.trim() ? (
          <SearchHelp />
        ) : error !== null ? (
          <p className="search-empty" role="alert">
            {errorText(error)}
          </p>
        ) : results && results.groups.length === 0 ? (
          <div className="search-empty" data-testid="search-no-results">
            <p>{results.notice ? notice(results.notice) : t('search:nothing', { query: query.trim() })}</p>
            <SearchHelp />
          </div>
        ) : (
          <>
            {results?.notice && <p className="search-notice">{notice(results.notice)}</p>}
            {results?.groups.map((group) => (
              <section key={group.articleId} className="search-group" data-testid="search-group">
                <h3 className="search-group-title">
                  <span dir={dirAttribute(group.title)}>{group.title}</span>
                  <span className="search-group-meta">
                    {group.source && `${group.source} · `}
                    <time dateTime={group.publishedAt ?? group.importedAt}>{formatDate(group.publishedAt ?? group.importedAt, intl)}</time>
                    {group.matchCount > group.hits.length && ` · ${t('search:matches', { count: group.matchCount })}`}
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
                      {hit && <span className={`hit-kind k-${hit.kind}`}>{t(KIND_NAMES[hit.kind])}</span>}
                      {hit && <SnippetText snippet={hit.snippet} />}
                      {hit?.page !== undefined && (
                        <span
                          className="page-link"
                          data-testid="search-hit-page"
                          title={t('search:pageTitle', { page: hit.pageLabel ?? String(hit.page) })}
                          onClick={(e) => {
                            e.stopPropagation()
                            choose(i, true)
                          }}
                        >
                          {t('search:page', { page: hit.pageLabel ?? String(hit.page) })}
                        </span>
                      )}
                    </div>
                  )
                })}
              </section>
            ))}
            {results?.truncated && <p className="search-notice">{t('search:truncated')}</p>}
          </>
        )}
      </div>
    </div>
  )
})

/** The query syntax, by example: the examples are queries as typed (code), their meanings are words. */
const SYNTAX: readonly (readonly [string, MessageKey, Readonly<Record<string, string>>?])[] = [
  ['grain corridor', 'search:help.words'],
  ['"grain corridor"', 'search:help.phrase'],
  ['insur*', 'search:help.prefix', { prefix: 'insur' }],
  ['tanker OR ferry', 'search:help.or'],
  ['-storm', 'search:help.not', { word: 'storm' }],
  ['tag:baltic label:claim', 'search:help.tag'],
  ['source:reuters author:roe', 'search:help.source'],
  ['in:highlights in:notes in:articles', 'search:help.in'],
  ['entity:"Caspian Horizon"', 'search:help.entity'],
  ['after:2024-01 before:2025', 'search:help.date']
]

function SearchHelp() {
  const t = useT()
  return (
    <div className="search-help" data-testid="search-help">
      <p>
        {richT(t, 'search:help.intro', {
          title: <strong>{t('search:help.title')}</strong>,
          upDown: (
            <>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </>
          ),
          enter: <kbd>Enter</kbd>
        })}
      </p>
      <dl>
        {SYNTAX.map(([example, meaning, values]) => (
          <Fragment key={example}>
            <dt translate="no">{example}</dt>
            <dd>{richT(t, meaning, Object.fromEntries(Object.entries(values ?? {}).map(([name, word]) => [name, <span translate="no">{word}</span>])))}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  )
}
