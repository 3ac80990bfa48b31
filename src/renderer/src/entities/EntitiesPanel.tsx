import { useCallback, useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import type { EntityType } from '../../../shared/entities/types'
import { useClient } from '../api/client-context'
import { listFormat } from '../i18n/list-format'
import { useLocale, useT } from '../i18n/use-t'
import { Tabs } from '../ui/Tabs'
import { ENTITY_KINDS } from './entity-kinds'
import { EntityPage } from './EntityPage'
import { useRequestedEntity } from './open-entity'
import { WatchListEditor } from './WatchListEditor'

type EntityIndex = ChannelOutput<'entity.list'>
type Extraction = ChannelOutput<'entity.extractRunning'>

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
  const t = useT()
  const { intl } = useLocale()
  const client = useClient()
  const [tab, setTab] = useState<EntityType | 'watch'>('person')
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<'mentions' | 'name'>('mentions')
  const [index, setIndex] = useState<EntityIndex | null>(null)
  const [extraction, setExtraction] = useState<Extraction | null>(null)
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
      client.call('entity.list', { type, filter: filter.trim() || undefined, sort, limit: SHOWN }).then(async (result) => {
        // What is finding the waiting articles' entities, if anything: the progress, Stop, or Find now.
        const running = result.pending > 0 ? await client.call('entity.extractRunning', {}) : null
        if (!live) return
        setIndex(result)
        setExtraction(running)
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
        <div className="entity-pending" data-testid="entity-pending">
          {extraction?.job || (extraction && extraction.queued > 0) ? (
            <>
              <p role="status">{t('entities:pending', { count: index.pending })}</p>
              {extraction.job && (
                <>
                  <progress value={extraction.job.done} max={Math.max(1, extraction.job.total)} aria-label={t('entities:progressLabel')} />
                  <button
                    type="button"
                   
                    data-testid="entity-extract-stop"
                    onClick={() => void client.call('entity.extractCancel', { jobId: extraction.job!.jobId }).then(changed, fail)}
                  >
                    {t('entities:stopFinding')}
                  </button>
                </>
              )}
            </>
          ) : (
            <>
              <p role="status">{t('entities:waiting', { count: index.pending })}</p>
              <button type="button" data-testid="entity-extract-start" onClick={() => void client.call('entity.extractLibrary', { force: false }).then(changed, fail)}>
                {t('entities:findNow')}
              </button>
            </>
          )}
        </div>
      )}
      {index && index.items.length === 0 && index.pending === 0 && (
        <p className="empty-hint" data-testid="entities-empty">
          {filter.trim() ? t('entities:noMatch', { type: type ?? 'selector', filter: filter.trim() }) : t('entities:noneYet')}
        </p>
      )}
      <ul className="entity-list" aria-label={t(ENTITY_KINDS.find((k) => k.type === type)?.tab ?? 'entities:title')}>
        {index?.items.map((e) => (
          <li key={e.id}>
            <button type="button" className="entity-item" onClick={() => setOpenId(e.id)} data-testid="entity-item">
              <span className="entity-name" translate="no">
                {e.name}
              </span>
              <span className="entity-meta">
                {t('entities:itemCounts', { mentions: e.mentionCount, articles: e.articleCount })}
                {e.aliases.length > 0 && (
                  <>
                    {' · '}
                    {t('entities:also', { names: `${listFormat(intl).format(e.aliases.slice(0, 3))}${e.aliases.length > 3 ? '…' : ''}` })}
                  </>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {index && index.items.length === SHOWN && <p className="empty-hint">{t('entities:showingFirst', { count: SHOWN })}</p>}
    </div>
  )

  return (
    <div className="entities" data-testid="entities-view">
      <h2 className="pane-title">{t('entities:title')}</h2>
      <div className="entity-controls">
        <input
          type="search"
          className="search-input"
          placeholder={t('entities:filterPlaceholder')}
          aria-label={t('entities:filterLabel')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="entity-filter"
        />
        <label className="entity-sort">
          {t('entities:sort')}
          <select value={sort} onChange={(e) => setSort(e.target.value as 'mentions' | 'name')} aria-label={t('entities:sortLabel')}>
            <option value="mentions">{t('entities:sort.mentions')}</option>
            <option value="name">{t('entities:sort.name')}</option>
          </select>
        </label>
      </div>
      <Tabs
        label={t('entities:types')}
        className="entity-tabs"
        value={tab}
        onValueChange={(v) => setTab(v as EntityType | 'watch')}
        tabs={[
          ...ENTITY_KINDS.map((k) => ({ id: k.type, label: index ? t('entities:tabCount', { tab: t(k.tab), count: index.counts[k.type] ?? 0 }) : t(k.tab), content: k.type === tab ? list : null })),
          { id: 'watch', label: t('entities:tab.watch'), content: tab === 'watch' ? <WatchListEditor fail={fail} refresh={refresh} /> : null }
        ]}
      />
    </div>
  )
}
