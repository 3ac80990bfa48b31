import { ArrowLeft } from 'lucide-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { ENTITY_TYPES, type EntityType } from '../../../shared/entities/types'
import { useClient } from '../api/client-context'
import { useLocale, useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { kindMessage } from './entity-kinds'

type Page = ChannelOutput<'entity.page'>
type Summary = ChannelOutput<'entity.list'>['items'][number]

interface Props {
  id: string
  refresh: number
  fail(err: unknown): void
  onBack(): void
  /** Shows another entity's page (a related entity, or where a split alias went). */
  onOpen(id: string): void
  /** A decision changed the index. */
  onChanged(): void
  openPassage(articleId: string, start: number, end: number): void
  openHighlight(id: string): void
}

/**
 * One entity: every mention with the words around it, by article (each opens the passage), the
 * highlights and entities that go with it, and the analyst's corrections, each with Undo.
 */
export function EntityPage({ id, refresh, fail, onBack, onOpen, onChanged, openPassage, openHighlight }: Props) {
  const t = useT()
  const { intl } = useLocale()
  const kind = (type: EntityType) => t(kindMessage(type))
  const kindInSentence = (type: EntityType) => kind(type).toLocaleLowerCase(intl)
  const client = useClient()
  const toast = useToast()
  const [page, setPage] = useState<Page | null>(null)
  const [gone, setGone] = useState(false)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [mergeFilter, setMergeFilter] = useState('')
  const [found, setFound] = useState<{ filter: string; items: Summary[] }>({ filter: '', items: [] })
  const [version, setVersion] = useState(0)
  /** Articles loaded after the first page with "Show more". */
  const [more, setMore] = useState<Page['articles']>([])
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    let live = true
    client.call('entity.page', { id }).then(
      (p) => {
        if (!live) return
        setPage(p)
        setMore([])
        setGone(p.entity.mentionCount === 0)
      },
      (err) => live && fail(err)
    )
    return () => {
      live = false
    }
  }, [client, fail, id, refresh, version])

  useEffect(() => heading.current?.focus(), [id])

  useEffect(() => {
    const f = mergeFilter.trim()
    if (!f) return
    let live = true
    client.call('entity.list', { filter: f, limit: 8 }).then((r) => live && setFound({ filter: f, items: r.items.filter((e) => e.id !== id) }), fail)
    return () => {
      live = false
    }
  }, [client, fail, mergeFilter, id, version])
  const candidates = mergeFilter.trim() && found.filter === mergeFilter.trim() ? found.items : []

  /** After a decision: the page and the index ask again; the toast offers Undo. */
  const decided = useCallback(
    (text: string, undo: () => Promise<unknown>, next?: string) => {
      onChanged()
      if (next && next !== id) onOpen(next)
      else setVersion((v) => v + 1)
      toast({
        text,
        undo: () =>
          void undo().then(() => {
            onChanged()
            if (next && next !== id) onOpen(id)
            else setVersion((v) => v + 1)
          }, fail)
      })
    },
    [fail, id, onChanged, onOpen, toast]
  )

  if (!page) return <p className="empty-hint">{t('entities:loading')}</p>
  const { entity } = page

  async function merge(other: Summary) {
    try {
      const result = await client.call('entity.merge', { fromId: other.id, intoId: id })
      setMergeFilter('')
      decided(t('entities:merged', { from: other.name, into: result.name }), () => client.call('entity.undo', { decisionId: result.decisionId! }))
    } catch (err) {
      fail(err)
    }
  }

  async function split(alias: string) {
    try {
      const result = await client.call('entity.splitAlias', { id, alias })
      decided(
        t('entities:split', { alias }),
        () => (result.decisionId === null ? client.call('entity.merge', { fromId: result.id, intoId: id }) : client.call('entity.undo', { decisionId: result.decisionId })),
        undefined
      )
    } catch (err) {
      fail(err)
    }
  }

  async function rename(name: string) {
    try {
      const result = await client.call('entity.rename', { id, name })
      setRenaming(null)
      decided(t('entities:renamed', { from: entity.name, to: result.name }), () => client.call('entity.undo', { decisionId: result.decisionId! }))
    } catch (err) {
      fail(err)
    }
  }

  async function retype(type: EntityType) {
    try {
      const result = await client.call('entity.retype', { id, type })
      decided(t('entities:retyped', { type, name: entity.name }), () => client.call('entity.undo', { decisionId: result.decisionId! }))
    } catch (err) {
      fail(err)
    }
  }

  async function stop() {
    try {
      const { decisionId } = await client.call('entity.stop', { id })
      onChanged()
      onBack()
      toast({
        text: t('entities:stopped', { name: entity.name }),
        undo: () =>
          void client.call('entity.undo', { decisionId }).then(() => {
            onChanged()
            onOpen(id)
          }, fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  const shownArticles = [...page.articles, ...more]
  // The next page of articles, after those shown: an entity named in most of a large library opens fast and loads on demand.
  const showMore = () => {
    client.call('entity.page', { id, offset: shownArticles.length }).then((p) => setMore((m) => [...m, ...p.articles]), fail)
  }

  return (
    <div className="entity-page" data-testid="entity-page">
      <button type="button" className="link entity-back" onClick={onBack}>
        <ArrowLeft size={14} aria-hidden className="flip-rtl" /> {t('entities:back')}
      </button>
      <h2 className="entity-title" tabIndex={-1} ref={heading} data-testid="entity-title" translate="no">
        {entity.name}
      </h2>
      <p className="entity-meta">
        {t('entities:pageMeta', { kind: kind(entity.type), mentions: entity.mentionCount, articles: entity.articleCount })}
      </p>
      {gone && <p className="empty-hint">{t('entities:gone')}</p>}

      <section className="entity-section" aria-label={t('entities:corrections')}>
        {renaming === null ? (
          <div className="entity-actions">
            <button type="button" onClick={() => setRenaming(entity.name)}>
              {t('entities:renameEllipsis')}
            </button>
            <label className="entity-type-select">
              {t('entities:type')}
              <select value={entity.type} onChange={(e) => void retype(e.target.value as EntityType)} aria-label={t('entities:typeLabel')}>
                {ENTITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {kind(type)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="danger" onClick={() => void stop()}>
              {t('entities:notEntity')}
            </button>
          </div>
        ) : (
          <form
            className="entity-actions"
            onSubmit={(e) => {
              e.preventDefault()
              if (renaming.trim()) void rename(renaming)
            }}
          >
            <input className="search-input" aria-label={t('entities:newName')} value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus />
            <button type="submit" className="primary">
              {t('entities:rename')}
            </button>
            <button type="button" onClick={() => setRenaming(null)}>
              {t('entities:cancel')}
            </button>
          </form>
        )}
        {entity.aliases.length > 0 && (
          <>
            <h3 className="entity-subtitle">{t('entities:alsoFound')}</h3>
            <ul className="entity-aliases">
              {entity.aliases.map((alias) => (
                <li key={alias}>
                  <span translate="no">{alias}</span>
                  <button type="button" className="link" onClick={() => void split(alias)} aria-label={t('entities:splitLabel', { alias })}>
                    {t('entities:splitOff')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h3 className="entity-subtitle">
          <label htmlFor="entity-merge">{t('entities:mergeHeading')}</label>
        </h3>
        <input
          id="entity-merge"
          type="search"
          className="search-input"
          placeholder={t('entities:mergePlaceholder')}
          value={mergeFilter}
          onChange={(e) => setMergeFilter(e.target.value)}
          data-testid="entity-merge-filter"
        />
        {candidates.length > 0 && (
          <ul className="entity-candidates" aria-label={t('entities:mergeCandidates')}>
            {candidates.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => void merge(c)} data-testid="entity-merge-candidate">
                  {t('entities:mergeCandidate', { name: c.name, kind: kindInSentence(c.type), count: c.mentionCount })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="entity-section" aria-labelledby="entity-mentions-title">
        <h3 className="entity-subtitle" id="entity-mentions-title">
          {t('entities:mentions')}
        </h3>
        {shownArticles.map((a) => (
          <div key={a.articleId} className="entity-article" data-testid="entity-article">
            <h4 className="entity-article-title" translate="no">
              {a.title}
            </h4>
            <ul className="entity-mentions">
              {a.mentions.map((m) => (
                <li key={m.start}>
                  <button
                    type="button"
                    className="entity-mention-open"
                    translate="no"
                    dir="auto"
                    onClick={() => openPassage(a.articleId, m.start, m.end)}
                    data-testid="entity-mention"
                  >
                    …{m.before}
                    <mark className="entity-mention-words">{m.text}</mark>
                    {m.after}…
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {shownArticles.length < page.articleTotal && (
          <p className="empty-hint" data-testid="entity-more">
            {t('entities:articlesShown', { shown: shownArticles.length, total: page.articleTotal })}{' '}
            <button type="button" className="link" onClick={showMore}>
              {t('entities:showMore', { count: Math.min(page.articles.length || 1, page.articleTotal - shownArticles.length) })}
            </button>
          </p>
        )}
      </section>

      {page.highlights.length > 0 && (
        <section className="entity-section" aria-labelledby="entity-highlights-title">
          <h3 className="entity-subtitle" id="entity-highlights-title">
            {t('entities:highlights')}
          </h3>
          <ul className="entity-mentions">
            {page.highlights.map((h) => (
              <li key={h.id}>
                <button type="button" className="entity-mention-open" translate="no" dir="auto" onClick={() => openHighlight(h.id)}>
                  {h.exact}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {page.related.length > 0 && (
        <section className="entity-section" aria-labelledby="entity-related-title">
          <h3 className="entity-subtitle" id="entity-related-title">
            {t('entities:related')}
          </h3>
          {page.relatedSample !== null && <p className="empty-hint">{t('entities:relatedSample', { count: page.relatedSample })}</p>}
          <ul className="entity-related">
            {page.related.map((r) => (
              <li key={r.id}>
                <button type="button" className="link" translate="no" onClick={() => onOpen(r.id)}>
                  {r.name}
                </button>{' '}
                <span className="entity-meta">
                  {t('entities:relatedMeta', { kind: kindInSentence(r.type), count: r.articleCount })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
