import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { RELIABILITY_GRADES, RELIABILITY_MEANING, isReliability, type Reliability } from '../../../shared/analysis/admiralty'
import type { GradeChange, SourceInfo } from '../../../shared/analysis/analysis-types'
import type { ChannelOutput } from '../../../shared/contract'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { GradeChip, ReliabilityPicker } from '../grades/GradeChip'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'

type SourceArticle = ChannelOutput<'source.articles'>[number]

/**
 * The Sources view: every source with its reliability grade (NATO/Admiralty A–F) and article
 * count. A source's page grades it with a reason and shows every change of its grade; renames,
 * merges (with Undo) and per-article overrides are here too.
 */
export function SourcesPanel() {
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
    <section className="sources-panel" aria-label="Sources" data-testid="sources-panel">
      <h2 className="pane-title">
        Sources <span className="count">{sources?.length ?? ''}</span>
      </h2>
      {sources !== null && sources.length === 0 ? (
        <div className="empty-state" data-testid="sources-empty">
          <p>
            <strong>No sources yet.</strong>
          </p>
          <p>At each import Dossier proposes the article's source from its site name, domain or publisher (for documents, the author or organisation).</p>
        </div>
      ) : (
        <>
          <input
            type="search"
            className="source-filter"
            aria-label="Find a source"
            placeholder="Find a source"
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
                    <GradeChip reliability={s.reliability} inert /> {s.name}
                  </span>
                  <span className="article-meta">
                    {s.articles} article{s.articles === 1 ? '' : 's'}
                    {s.domain && s.domain !== s.name ? ` · ${s.domain}` : ''}
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
        text: reliability ? `${source.name} graded ${reliability}: ${RELIABILITY_MEANING[reliability].toLowerCase()}.` : `${source.name} is ungraded.`,
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
        text: `${source.name} merged into ${into.name}: ${own.length} article${own.length === 1 ? '' : 's'} moved.`,
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
        {source.name} <GradeChip reliability={source.reliability} />
      </h3>
      <p className="grade-scale-note">Source reliability (A–F) judges the source; each passage's credibility (1–6) is graded on its own, on the highlight.</p>
      <label>
        Reason for a new grade <span className="shortcut-when">(optional, kept in the history)</span>
        <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} data-testid="grade-reason" />
      </label>
      <ReliabilityPicker label={`Reliability of ${source.name}`} value={source.reliability} onChange={(g) => void grade(g)} />
      <h3 className="section-title">Grade history</h3>
      {history.length === 0 ? (
        <p className="empty-hint">Never graded.</p>
      ) : (
        <ol className="grade-history" data-testid="grade-history">
          {history.map((h) => (
            <li key={h.id}>
              {h.from ?? 'ungraded'} → <strong>{h.to ?? 'ungraded'}</strong> by {h.actor}, {formatDate(h.at)}
              {h.reason && <> — “{h.reason}”</>}
            </li>
          ))}
        </ol>
      )}
      <h3 className="section-title">Articles</h3>
      <ul className="case-articles" data-testid="source-articles">
        {articles.map((a) => (
          <li key={a.id} className="case-article">
            <button type="button" className="link" onClick={() => void workspace.openArticle(a.id)}>
              {a.title}
            </button>
            <select
              aria-label={`Reliability of “${a.title}”`}
              value={a.reliabilityOverride ?? ''}
              onChange={(e) => void override(a.id, e.target.value)}
              title="This article's own grade, overriding its source's"
            >
              <option value="">Source’s grade ({source.reliability ?? 'ungraded'})</option>
              {RELIABILITY_GRADES.map((g) => (
                <option key={g} value={g}>
                  {g}: {RELIABILITY_MEANING[g]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <form className="button-row" onSubmit={(e) => void rename(e)}>
        <label>
          Name <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">Rename</button>
      </form>
      {others.length > 0 && (
        <div className="button-row">
          <label>
            Merge into{' '}
            <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} data-testid="merge-into">
              <option value="">Choose a source…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!mergeInto} onClick={() => void merge()}>
            Merge
          </button>
        </div>
      )}
    </div>
  )
}
