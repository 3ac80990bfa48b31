import { useCallback, useEffect, useState } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { ArticleSummary } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { runCommand } from '../commands/command-registry'
import { useCurrentCase } from '../shell/case-slot'
import { useWorkbench } from '../shell/workbench-context'
import { useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { CaseNotebook } from './CaseNotebook'
import { refreshCases, useCases } from './cases-store'

/**
 * The Cases view: every case with its counts; the open case's articles (open one, add the article
 * in the reader, take one out with Undo), its description and its notebook. Archiving keeps
 * everything and is undone from the toast or the Archived list.
 */
export function CasesPanel() {
  const t = useT()
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
        text: t('cases:panel.articleRemoved', { title: article.title }),
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
      toast({ text: t('cases:panel.archived', { name: c.name }), undo: () => void restore(c) })
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
    <section className="cases-panel" aria-label={t('cases:title')} data-testid="cases-panel">
      <div className="pane-title-row">
        <h2 className="pane-title">{t('cases:title')}</h2>
        <button type="button" onClick={() => runCommand('case.new')} data-testid="cases-new">
          {t('cases:panel.new')}
        </button>
      </div>
      {loaded && open.length === 0 && (
        <div className="empty-state" data-testid="cases-empty">
          <p>
            <strong>{t('cases:panel.empty')}</strong>
          </p>
          <p>{t('cases:panel.emptyHint')}</p>
        </div>
      )}
      {open.length > 0 && (
        <ul className="case-list" data-testid="case-list">
          <li>
            <button type="button" className={`case-item${caseId === null ? ' selected' : ''}`} aria-current={caseId === null} onClick={() => setCase(null)}>
              <span className="case-name">{t('cases:allLibrary')}</span>
              <span className="article-meta">{t('cases:panel.allLibraryHint')}</span>
            </button>
          </li>
          {open.map((c) => (
            <li key={c.id}>
              <button type="button" className={`case-item${c.id === caseId ? ' selected' : ''}`} aria-current={c.id === caseId} onClick={() => setCase(c.id)}>
                <span className="case-name" translate="no">
                  {c.name}
                </span>
                <span className="article-meta">{t('cases:panel.counts', { articles: c.articles, claims: c.claims })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <div className="case-detail" data-testid="case-detail">
          <h3 className="section-title" translate="no">
            {current.name}
          </h3>
          {current.description && (
            <p className="case-description" translate="no">
              {current.description}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={() => runCommand('case.rename')}>
              {t('cases:panel.rename')}
            </button>
            <button type="button" onClick={() => runCommand('case.exportManifest')} data-testid="export-manifest">
              {t('cases:panel.manifest')}
            </button>
            <button type="button" onClick={() => void archive(current)}>
              {t('cases:panel.archive')}
            </button>
          </div>
          {openArticle && !inCase && (
            <button type="button" className="primary" onClick={() => runCommand('case.addArticle')} data-testid="case-add-article">
              {t('cases:panel.addArticle', { title: openArticle.title })}
            </button>
          )}
          <h3 className="section-title">{t('cases:panel.articles')}</h3>
          {articles === null ? (
            <p className="empty-hint">{t('cases:loading')}</p>
          ) : articles.length === 0 ? (
            <p className="empty-hint" data-testid="case-articles-empty">
              {t('cases:panel.noArticles')}
            </p>
          ) : (
            <ul className="case-articles" data-testid="case-articles">
              {articles.map((a) => (
                <li key={a.id} className="case-article">
                  <button type="button" className="link" translate="no" onClick={() => void workspace.openArticle(a.id)} aria-current={a.id === openArticle?.id}>
                    {a.title}
                  </button>
                  <button type="button" className="link" aria-label={t('cases:panel.removeArticle', { title: a.title })} onClick={() => void removeArticle(a)}>
                    {t('cases:panel.remove')}
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
          <summary>{t('cases:panel.archivedList', { count: archived.length })}</summary>
          <ul>
            {archived.map((c) => (
              <li key={c.id} className="case-article">
                <span translate="no">{c.name}</span>
                <button type="button" className="link" onClick={() => void restore(c)} aria-label={t('cases:panel.restoreCase', { name: c.name })}>
                  {t('cases:panel.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
