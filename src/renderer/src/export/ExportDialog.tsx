import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { ArticleSummary } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { ApiError } from '../api/client'
import { caseName, useCases } from '../cases/cases-store'
import { useRouter } from '../shell/router'
import { Dialog } from '../ui/Dialog'
import { exportSummary } from '../../../shared/markdown/export-summary'
import { TemplateEditor } from './TemplateEditor'
import { useLocale, useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

interface Props {
  currentArticleId: string | null
  defaultDir: string
  onClose(): void
}

type ScopeKind = 'case' | 'article' | 'selection' | 'tag' | 'all'
type Format = 'markdown' | 'json' | 'csv'
type Job = ChannelOutput<'export.status'>
type Scope = ChannelInput<'export.start'>['scope']

const POLL_MS = 150
const PICKER_PAGE = 200

/**
 * Export to Markdown: this article, articles picked from a list, everything with a tag, or the
 * whole library, into a folder. Runs as a job with progress and Cancel; files the analyst
 * changed since the last export are listed, not overwritten.
 */
export function ExportDialog({ currentArticleId, defaultDir, onClose }: Props) {
  const client = useClient()
  // The open case is the first choice offered: "this case" is what an analyst in a case exports.
  const caseId = useRouter().route.caseId
  const currentCase = caseName(useCases().cases, caseId)
  const t = useT()
  // The labels a library starts with are written in the interface language until renamed (decision 0043).
  const { locale } = useLocale()
  const errorText = useErrorText()
  const [outDir, setOutDir] = useState(defaultDir)
  const [scope, setScope] = useState<ScopeKind>(caseId ? 'case' : currentArticleId ? 'article' : 'all')
  const [tags, setTags] = useState<{ name: string; articles: number }[]>([])
  const [tag, setTag] = useState('')
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [articleTotal, setArticleTotal] = useState(0)
  const [picked, setPicked] = useState<Set<string>>(() => new Set(currentArticleId ? [currentArticleId] : []))
  const [job, setJob] = useState<Job | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editingTemplate, setEditingTemplate] = useState(false)
  const [format, setFormat] = useState<Format>('markdown')
  // Off by default: most exports are the analyst's highlights and notes, not a copy of the article.
  const [includeArticle, setIncludeArticle] = useState(false)
  const [highlightsFile, setHighlightsFile] = useState<ChannelOutput<'export.highlights'> | null>(null)
  const cancelled = useRef(false)

  useEffect(() => {
    void client.call('export.tags', {}).then((list) => {
      setTags(list)
      setTag((t) => t || list[0]?.name || '')
    })
    void client.call('library.query', { sort: 'title', direction: 'asc', limit: PICKER_PAGE }).then((page) => {
      setArticles(page.items)
      setArticleTotal(page.total)
    })
    return () => {
      cancelled.current = true
    }
  }, [client])

  const busy = job !== null && !job.finished

  // A page at a time, as the library list does: a large library is never read whole into the dialog.
  function showMoreArticles() {
    void client.call('library.query', { sort: 'title', direction: 'asc', offset: articles.length, limit: PICKER_PAGE }).then((page) => {
      setArticles((prev) => [...prev, ...page.items])
      setArticleTotal(page.total)
    })
  }

  function chosenScope(): Scope | null {
    if (scope === 'case') return caseId ? { kind: 'case', caseId } : null
    if (scope === 'article') return currentArticleId ? { kind: 'articles', ids: [currentArticleId] } : null
    if (scope === 'selection') return picked.size ? { kind: 'articles', ids: [...picked] } : null
    if (scope === 'tag') return tag ? { kind: 'tag', tag } : null
    return { kind: 'all' }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const chosen = chosenScope()
    if (!chosen) {
      setError(scope === 'tag' ? t('export:chooseTag') : t('export:chooseArticles'))
      return
    }
    // The last run's result goes, whatever the format: a Markdown report left under a CSV one read as this run's.
    setError(null)
    setHighlightsFile(null)
    setJob(null)
    if (format !== 'markdown') {
      try {
        setHighlightsFile(await client.call('export.highlights', { outDir, scope: chosen, format, locale }))
      } catch (err) {
        setError(errorText(err))
      }
      return
    }
    try {
      let state = await client.call('export.start', { outDir, scope: chosen, includeArticle, locale })
      setJob(state)
      while (!state.finished && !cancelled.current) {
        await new Promise((r) => setTimeout(r, POLL_MS))
        state = await client.call('export.status', { jobId: state.jobId })
        setJob(state)
      }
      // Worded by its code (and reason) in the analyst's language, main's words after it.
      if (state.failure) setError(errorText(new ApiError(state.failure)))
      else if (state.error) setError(state.error)
    } catch (err) {
      setError(errorText(err))
      setJob(null)
    }
  }

  const report = job?.finished ? job.report : null
  return (
    <Dialog title={format === 'markdown' ? t('export:title.markdown') : t('export:title.highlights')} className="export-dialog" onClose={onClose} testId="export-dialog">
      <form onSubmit={submit}>
        <label className="field">
          {t('export:folder')}
          <input name="outDir" translate="no" value={outDir} onChange={(e) => setOutDir(e.target.value)} required spellCheck={false} disabled={busy} />
        </label>
        <fieldset className="field" disabled={busy}>
          <legend>{t('export:articles')}</legend>
          {caseId && (
            <label>
              <input type="radio" name="scope" checked={scope === 'case'} onChange={() => setScope('case')} />
              {t('export:scope.case', { name: currentCase ?? '…' })}
            </label>
          )}
          <label>
            <input type="radio" name="scope" checked={scope === 'article'} disabled={!currentArticleId} onChange={() => setScope('article')} />
            {t('export:scope.article')}
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'selection'} onChange={() => setScope('selection')} />
            {t('export:scope.selection', { count: picked.size })}
          </label>
          {scope === 'selection' && (
            <ul className="export-picker" aria-label={t('export:scope.picker')}>
              {articles.map((a) => (
                <li key={a.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.has(a.id)}
                      onChange={(e) =>
                        setPicked((prev) => {
                          const next = new Set(prev)
                          if (e.target.checked) next.add(a.id)
                          else next.delete(a.id)
                          return next
                        })
                      }
                    />
                    {a.title}
                  </label>
                </li>
              ))}
              {articles.length < articleTotal && (
                <li>
                  <button type="button" className="link" onClick={showMoreArticles}>
                    {t('export:scope.showMore', { count: articleTotal - articles.length })}
                  </button>
                </li>
              )}
            </ul>
          )}
          <label>
            <input type="radio" name="scope" checked={scope === 'tag'} disabled={tags.length === 0} onChange={() => setScope('tag')} />
            {t('export:scope.tag')}
          </label>
          {scope === 'tag' && (
            <select aria-label={t('export:scope.tagSelect')} value={tag} onChange={(e) => setTag(e.target.value)}>
              {tags.map((entry) => (
                <option key={entry.name} value={entry.name}>
                  {t('export:scope.tagOption', { name: entry.name, count: entry.articles })}
                </option>
              ))}
            </select>
          )}
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('export:scope.all')}
          </label>
        </fieldset>
        <fieldset className="field" disabled={busy}>
          <legend>{t('export:format')}</legend>
          <label>
            <input type="radio" name="format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} />
            {t('export:format.markdown')}
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} />
            {t('export:format.json')}
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
            {t('export:format.csv')}
          </label>
          {format === 'markdown' && (
            <label>
              <input type="checkbox" name="includeArticle" checked={includeArticle} onChange={(e) => setIncludeArticle(e.target.checked)} />
              {t('export:includeArticle')}
            </label>
          )}
        </fieldset>
        {busy && (
          <div className="import-progress" role="status" aria-label={t('export:progress')}>
            <progress max={job.total || 1} value={job.done} />
            <span>{t('export:progressCount', { done: job.done, total: job.total })}</span>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {highlightsFile && (
          <p className="success" role="status" data-testid="export-result">
            {highlightsFile.conflictFile
              ? t('export:highlightsConflict', { file: highlightsFile.file, count: highlightsFile.count, conflictFile: highlightsFile.conflictFile })
              : t('export:wroteHighlights', { count: highlightsFile.count, file: highlightsFile.file })}
          </p>
        )}
        {report && (
          <div className="success" role="status" data-testid="export-result">
            <p>{exportSummary(t, report, job?.cancelled)}</p>
            {report.conflicts.length > 0 && (
              <>
                <p>{t('export:conflicts', { count: report.conflicts.length })}</p>
                <ul data-testid="export-conflicts" translate="no">
                  {report.conflicts.map((c) => (
                    <li key={c.articleId}>
                      {c.file} → {c.conflictFile}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {editingTemplate && <TemplateEditor previewArticleId={currentArticleId} includeArticle={includeArticle} onClose={() => setEditingTemplate(false)} />}
        <div className="dialog-actions">
          {!editingTemplate && format === 'markdown' && (
            <button type="button" onClick={() => setEditingTemplate(true)} disabled={busy}>
              {t('export:template')}
            </button>
          )}
          {busy ? (
            <button type="button" onClick={() => void client.call('export.cancel', { jobId: job.jobId })}>
              {t('export:cancelExport')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {report || highlightsFile ? t('export:close') : t('export:cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('export:exporting') : t('export:export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
