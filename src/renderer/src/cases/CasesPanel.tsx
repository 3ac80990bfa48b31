import { useCallback, useEffect, useState } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { ArticleSummary } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { runCommand } from '../commands/command-registry'
import { useCurrentCase } from '../shell/case-slot'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'
import { CaseNotebook } from './CaseNotebook'
import { refreshCases, useCases } from './cases-store'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The Cases view: every case with its counts; the open case's articles (open one, add the article
 * in the reader, take one out with Undo), its description and its notebook. Archiving keeps
 * everything and is undone from the toast or the Archived list.
 */
export function CasesPanel() {
  const client = useClient()
  const toast = useToast()
  const { workspace, libraryVersion, libraryChanged, fail } = useWorkbench()
  const { caseId, setCase } = useCurrentCase()
  const { cases, loaded } = useCases()
  // The articles of one case: kept with its id, so another case shows Loading… until its own arrive.
  const [loadedArticles, setArticles] = useState<{ caseId: string; items: ArticleSummary[] } | null>(null)
  const articles = loadedArticles && loadedArticles.caseId === caseId ? loadedArticles.items : null
  const current = cases.find((c) => c.id === caseId) ?? null
  const open = cases.filter((c) => !c.archivedAt)
  const archived = cases.filter((c) => c.archivedAt)
  const openArticle = workspace.article

  useEffect(() => {
    void refreshCases(client).catch(fail)
  }, [client, libraryVersion, fail])

  useEffect(() => {
    if (!caseId) return
    let live = true
    client.call('library.query', { filter: { caseId }, sort: 'imported', direction: 'asc', limit: 500 }).then((page) => live && setArticles({ caseId, items: page.items }), fail)
    return () => {
      live = false
    }
  }, [client, caseId, libraryVersion, fail])

  const changed = useCallback(() => {
    libraryChanged()
    void refreshCases(client).catch(fail)
  }, [client, libraryChanged, fail])

  async function removeArticle(article: ArticleSummary) {
    if (!caseId) return
    try {
      await client.call('case.removeArticles', { caseId, articleIds: [article.id] })
      changed()
      toast({
        text: `“${article.title}” taken out of the case (the article stays in the library).`,
        undo: () => void client.call('case.addArticles', { caseId, articleIds: [article.id] }).then(changed, fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  async function archive(c: CaseInfo) {
    try {
      await client.call('case.archive', { id: c.id })
      if (c.id === caseId) setCase(null)
      changed()
      toast({ text: `Case “${c.name}” archived. Nothing in it is lost.`, undo: () => void restore(c) })
    } catch (err) {
      fail(err)
    }
  }

  async function restore(c: CaseInfo) {
    try {
      await client.call('case.restore', { id: c.id })
      changed()
    } catch (err) {
      fail(err)
    }
  }

  const inCase = openArticle !== null && (articles?.some((a) => a.id === openArticle.id) ?? false)

  return (
    <section className="cases-panel" aria-label="Cases" data-testid="cases-panel">
      <div className="pane-title-row">
        <h2 className="pane-title">Cases</h2>
        <button type="button" onClick={() => runCommand('case.new')} data-testid="cases-new">
          New case…
        </button>
      </div>
      {loaded && open.length === 0 && (
        <div className="empty-state" data-testid="cases-empty">
          <p>
            <strong>No cases yet.</strong>
          </p>
          <p>A case groups the articles, claims and notebook of one investigation or question. An article can be in several.</p>
        </div>
      )}
      {open.length > 0 && (
        <ul className="case-list" data-testid="case-list">
          <li>
            <button type="button" className={`case-item${caseId === null ? ' selected' : ''}`} aria-current={caseId === null} onClick={() => setCase(null)}>
              <span className="case-name">All library</span>
              <span className="article-meta">no case: every article</span>
            </button>
          </li>
          {open.map((c) => (
            <li key={c.id}>
              <button type="button" className={`case-item${c.id === caseId ? ' selected' : ''}`} aria-current={c.id === caseId} onClick={() => setCase(c.id)}>
                <span className="case-name">{c.name}</span>
                <span className="article-meta">
                  {plural(c.articles, 'article')} · {plural(c.claims, 'claim')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <div className="case-detail" data-testid="case-detail">
          <h3 className="section-title">{current.name}</h3>
          {current.description && <p className="case-description">{current.description}</p>}
          <div className="button-row">
            <button type="button" onClick={() => runCommand('case.rename')}>
              Rename…
            </button>
            <button type="button" onClick={() => runCommand('case.exportManifest')} data-testid="export-manifest">
              Evidence manifest…
            </button>
            <button type="button" onClick={() => void archive(current)}>
              Archive
            </button>
          </div>
          {openArticle && !inCase && (
            <button type="button" className="primary" onClick={() => runCommand('case.addArticle')} data-testid="case-add-article">
              Add “{openArticle.title}” to this case
            </button>
          )}
          <h3 className="section-title">Articles</h3>
          {articles === null ? (
            <p className="empty-hint">Loading…</p>
          ) : articles.length === 0 ? (
            <p className="empty-hint" data-testid="case-articles-empty">
              No articles yet. New imports go to this case; an article open in the reader can be added with Add Article to Case.
            </p>
          ) : (
            <ul className="case-articles" data-testid="case-articles">
              {articles.map((a) => (
                <li key={a.id} className="case-article">
                  <button type="button" className="link" onClick={() => void workspace.openArticle(a.id)} aria-current={a.id === openArticle?.id}>
                    {a.title}
                  </button>
                  <button type="button" className="link" aria-label={`Remove “${a.title}” from the case`} onClick={() => void removeArticle(a)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <CaseNotebook caseId={current.id} caseName={current.name} onBrief={() => runCommand('case.brief')} />
        </div>
      )}
      {archived.length > 0 && (
        <details className="archived-cases">
          <summary>Archived ({archived.length})</summary>
          <ul>
            {archived.map((c) => (
              <li key={c.id} className="case-article">
                <span>{c.name}</span>
                <button type="button" className="link" onClick={() => void restore(c)} aria-label={`Restore the case ${c.name}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
