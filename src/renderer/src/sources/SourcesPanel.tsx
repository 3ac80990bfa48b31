import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { RELIABILITY_GRADES, RELIABILITY_MESSAGES, isReliability, type Reliability } from '../../../shared/analysis/admiralty'
import type { GradeChange, SourceInfo } from '../../../shared/analysis/analysis-types'
import type { ChannelOutput } from '../../../shared/contract'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { GradeChip, ReliabilityPicker } from '../grades/GradeChip'
import { gradeText } from '../grades/grade-text'
import { useLocale, useT } from '../i18n/use-t'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'

type SourceArticle = ChannelOutput<'source.articles'>[number]

/**
 * The Sources view: every source with its reliability grade (NATO/Admiralty A–F) and article
 * count. A source's page grades it with a reason and shows every change of its grade; renames,
 * merges (with Undo) and per-article overrides are here too.
 */
export function SourcesPanel() {
  const t = useT()
  const client = useClient()
  const { libraryVersion, libraryChanged, workspace, fail } = useWorkbench()
  const [sources, setSources] = useState<SourceInfo[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [filter, setFilter] = useState('')

  const refresh = useCallback(() => client.call('source.list', {}).then(({ items }) => setSources(items), fail), [client, fail])
  useEffect(() => {
    void refresh()
  }, [refresh, libraryVersion])

  const needle = filter.trim().toLowerCase()
  const shown = (sources ?? []).filter((s) => !needle || s.name.toLowerCase().includes(needle) || (s.domain ?? '').includes(needle))
  const selected = sources?.find((s) => s.id === selectedId) ?? null

  /** A grade or a source changed: the lists, the open article and its highlights show it. */
  const changed = useCallback(() => {
    libraryChanged()
    if (workspace.article) void workspace.reopen(workspace.article.id)
  }, [libraryChanged, workspace])

  return (
    <section className="sources-panel" aria-label={t('claims:sources.title')} data-testid="sources-panel">
      <h2 className="pane-title">
        {t('claims:sources.title')} <span className="count">{sources?.length ?? ''}</span>
      </h2>
      {sources !== null && sources.length === 0 ? (
        <div className="empty-state" data-testid="sources-empty">
          <p>
            <strong>{t('claims:sources.empty')}</strong>
          </p>
          <p>{t('claims:sources.emptyHint')}</p>
        </div>
      ) : (
        <>
          <input
            type="search"
            className="source-filter"
            aria-label={t('claims:sources.find')}
            placeholder={t('claims:sources.find')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <ul className="source-list" data-testid="source-list">
            {shown.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={`source-item${s.id === selectedId ? ' selected' : ''}`}
                  aria-current={s.id === selectedId}
                  aria-expanded={s.id === selectedId}
                  onClick={() => setSelectedId(s.id === selectedId ? null : s.id)}
                >
                  <span className="case-name">
                    <GradeChip reliability={s.reliability} inert /> <span translate="no">{s.name}</span>
                  </span>
                  <span className="article-meta">
                    {t('claims:sources.articleCount', { count: s.articles })}
                    {s.domain && s.domain !== s.name && (
                      <>
                        {' · '}
                        <span translate="no">{s.domain}</span>
                      </>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {selected && sources && (
        <SourceDetail
          key={selected.id}
          source={selected}
          others={sources.filter((s) => s.id !== selected.id)}
          onChanged={() => {
            void refresh()
            changed()
          }}
          onMerged={(intoId) => setSelectedId(intoId)}
        />
      )}
    </section>
  )
}

interface DetailProps {
  source: SourceInfo
  others: readonly SourceInfo[]
  onChanged(): void
  onMerged(intoId: string | null): void
}

function SourceDetail({ source, others, onChanged, onMerged }: DetailProps) {
  const t = useT()
  const { intl } = useLocale()
  const client = useClient()
  const toast = useToast()
  const { fail, workspace } = useWorkbench()
  const [history, setHistory] = useState<GradeChange[]>([])
  const [articles, setArticles] = useState<SourceArticle[]>([])
  const [reason, setReason] = useState('')
  const [name, setName] = useState(source.name)
  const [mergeInto, setMergeInto] = useState('')

  const load = useCallback(() => {
    client.call('source.get', { id: source.id }).then((r) => setHistory(r.history), fail)
    client.call('source.articles', { id: source.id }).then(setArticles, fail)
  }, [client, source.id, fail])
  useEffect(load, [load, source.reliability, source.articles])

  async function grade(reliability: Reliability | null) {
    const previous = source.reliability
    if (previous === reliability) return
    try {
      await client.call('source.grade', { id: source.id, reliability, ...(reason.trim() && { reason: reason.trim() }) })
      setReason('')
      onChanged()
      toast({
        text: reliability
          ? t('claims:sources.gradedToast', { name: source.name, grade: reliability, meaning: t(RELIABILITY_MESSAGES[reliability]).toLocaleLowerCase(intl) })
          : t('claims:sources.ungradedToast', { name: source.name }),
        undo: () => void client.call('source.grade', { id: source.id, reliability: previous, reason: 'undone' }).then(onChanged, fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault()
    if (name.trim() === source.name) return
    try {
      await client.call('source.rename', { id: source.id, name })
      onChanged()
    } catch (err) {
      fail(err)
    }
  }

  async function merge() {
    const into = others.find((o) => o.id === mergeInto)
    if (!into) return
    const own = articles.map((a) => a.id)
    try {
      await client.call('source.merge', { ids: [source.id], intoId: into.id })
      onMerged(into.id)
      onChanged()
      toast({
        text: t('claims:sources.mergedToast', { name: source.name, into: into.name, count: own.length }),
        undo: () =>
          void client
            .call('source.unmerge', { id: source.id, articleIds: own })
            .then(() => {
              onMerged(source.id)
              onChanged()
            })
            .catch(fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  async function override(articleId: string, value: string) {
    try {
      await client.call('article.gradeReliability', { articleId, reliability: isReliability(value) ? value : null })
      load()
      onChanged()
    } catch (err) {
      fail(err)
    }
  }

  return (
    <div className="source-detail" data-testid="source-detail">
      <h3 className="section-title">
        <span translate="no">{source.name}</span> <GradeChip reliability={source.reliability} />
      </h3>
      <p className="grade-scale-note">{t('claims:sources.scaleNote')}</p>
      <label>
        {t('claims:sources.reason')} <span className="shortcut-when">{t('claims:sources.reasonHint')}</span>
        <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} data-testid="grade-reason" />
      </label>
      <ReliabilityPicker label={t('claims:sources.reliabilityOf', { name: source.name })} value={source.reliability} onChange={(g) => void grade(g)} />
      <h3 className="section-title">{t('claims:sources.history')}</h3>
      {history.length === 0 ? (
        <p className="empty-hint">{t('claims:sources.neverGraded')}</p>
      ) : (
        <ol className="grade-history" data-testid="grade-history">
          {history.map((h) => (
            <li key={h.id}>
              {gradeText(t, h.from)} → <strong>{gradeText(t, h.to)}</strong> {t('claims:sources.historyBy', { actor: h.actor, when: formatDate(h.at, intl) })}
              {h.reason && (
                <>
                  {' '}
                  — <q translate="no">{h.reason}</q>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3 className="section-title">{t('claims:sources.articles')}</h3>
      <ul className="case-articles" data-testid="source-articles">
        {articles.map((a) => (
          <li key={a.id} className="case-article">
            <button type="button" className="link" translate="no" onClick={() => void workspace.openArticle(a.id)}>
              {a.title}
            </button>
            <select
              aria-label={t('claims:sources.articleReliability', { title: a.title })}
              value={a.reliabilityOverride ?? ''}
              onChange={(e) => void override(a.id, e.target.value)}
              title={t('claims:sources.overrideTitle')}
            >
              <option value="">{t('claims:sources.sourceGrade', { grade: gradeText(t, source.reliability) })}</option>
              {RELIABILITY_GRADES.map((g) => (
                <option key={g} value={g}>
                  {t('claims:grade.option', { grade: g, meaning: t(RELIABILITY_MESSAGES[g]) })}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <form className="button-row" onSubmit={(e) => void rename(e)}>
        <label>
          {t('claims:sources.name')} <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('claims:sources.rename')}</button>
      </form>
      {others.length > 0 && (
        <div className="button-row">
          <label>
            {t('claims:sources.mergeInto')}{' '}
            <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} data-testid="merge-into">
              <option value="">{t('claims:sources.chooseSource')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id} translate="no">
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!mergeInto} onClick={() => void merge()}>
            {t('claims:sources.merge')}
          </button>
        </div>
      )}
    </div>
  )
}
