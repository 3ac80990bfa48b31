import { useCallback, useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import type { EntityType } from '../../../shared/entities/types'
import { useClient } from '../api/client-context'
import { Tabs } from '../ui/Tabs'
import { ENTITY_KINDS } from './entity-kinds'
import { EntityPage } from './EntityPage'
import { useRequestedEntity } from './open-entity'
import { WatchListEditor } from './WatchListEditor'

type EntityIndex = ChannelOutput<'entity.list'>

interface Props {
  /** Bumped on every change to the library: the index asks again. */
  refresh: number
  fail(err: unknown): void
  openPassage(articleId: string, start: number, end: number): void
  openHighlight(id: string): void
}

/** Shown at most per type; the filter box finds the rest. */
const SHOWN = 500

/**
 * The Entities view: the index by type with counts, a filter and a sort, each entity opening its
 * page (mentions in context, the analyst's corrections); and the watch list.
 */
export function EntitiesPanel({ refresh, fail, openPassage, openHighlight }: Props) {
  const client = useClient()
  const [tab, setTab] = useState<EntityType | 'watch'>('person')
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<'mentions' | 'name'>('mentions')
  const [index, setIndex] = useState<EntityIndex | null>(null)
  // A mention clicked in the reader asks for its entity's page (maybe before this view was first shown).
  const requested = useRequestedEntity()
  const [openId, setOpenId] = useState<string | null>(() => requested?.id ?? null)
  const [seen, setSeen] = useState(requested)
  if (requested !== seen) {
    setSeen(requested)
    if (requested) setOpenId(requested.id)
  }
  const [changes, setChanges] = useState(0)
  const changed = useCallback(() => setChanges((n) => n + 1), [])
  const type = tab === 'watch' ? undefined : tab

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = () =>
      client.call('entity.list', { type, filter: filter.trim() || undefined, sort, limit: SHOWN }).then((result) => {
        if (!live) return
        setIndex(result)
        // Extraction runs after import in the background: ask again until it has caught up.
        if (result.pending > 0) timer = setTimeout(ask, 1000)
      }, fail)
    void ask()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [client, fail, type, filter, sort, refresh, changes])

  if (openId) {
    return (
      <EntityPage
        id={openId}
        refresh={refresh}
        fail={fail}
        onBack={() => setOpenId(null)}
        onOpen={setOpenId}
        onChanged={changed}
        openPassage={openPassage}
        openHighlight={openHighlight}
      />
    )
  }

  const list = (
    <div className="entity-index">
      {index && index.pending > 0 && (
        <p className="entity-pending" role="status">
          Finding entities in {index.pending} article{index.pending === 1 ? '' : 's'}…
        </p>
      )}
      {index && index.items.length === 0 && index.pending === 0 && (
        <p className="empty-hint" data-testid="entities-empty">
          {filter.trim() ? `No ${ENTITY_KINDS.find((k) => k.type === type)?.tab.toLowerCase()} match “${filter.trim()}”.` : 'None found in the library yet.'}
        </p>
      )}
      <ul className="entity-list" aria-label={ENTITY_KINDS.find((k) => k.type === type)?.tab}>
        {index?.items.map((e) => (
          <li key={e.id}>
            <button type="button" className="entity-item" onClick={() => setOpenId(e.id)} data-testid="entity-item">
              <span className="entity-name">{e.name}</span>
              <span className="entity-meta">
                {e.mentionCount} mention{e.mentionCount === 1 ? '' : 's'} · {e.articleCount} article{e.articleCount === 1 ? '' : 's'}
                {e.aliases.length > 0 && ` · also ${e.aliases.slice(0, 3).join(', ')}${e.aliases.length > 3 ? '…' : ''}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {index && index.items.length === SHOWN && <p className="empty-hint">Showing the first {SHOWN}: filter to find others.</p>}
    </div>
  )

  return (
    <div className="entities" data-testid="entities-view">
      <h2 className="pane-title">Entities</h2>
      <div className="entity-controls">
        <input
          type="search"
          className="search-input"
          placeholder="Filter by name or alias"
          aria-label="Filter entities by name or alias"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="entity-filter"
        />
        <label className="entity-sort">
          Sort
          <select value={sort} onChange={(e) => setSort(e.target.value as 'mentions' | 'name')} aria-label="Sort entities">
            <option value="mentions">By mentions</option>
            <option value="name">By name</option>
          </select>
        </label>
      </div>
      <Tabs
        label="Entity types"
        className="entity-tabs"
        value={tab}
        onValueChange={(v) => setTab(v as EntityType | 'watch')}
        tabs={[
          ...ENTITY_KINDS.map((k) => ({ id: k.type, label: `${k.tab}${index ? ` ${index.counts[k.type] ?? 0}` : ''}`, content: k.type === tab ? list : null })),
          { id: 'watch', label: 'Watch list', content: tab === 'watch' ? <WatchListEditor fail={fail} refresh={refresh} /> : null }
        ]}
      />
    </div>
  )
}
