import { useState, type FormEvent } from 'react'
import type { Article } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { useT } from '../i18n/use-t'

interface Props {
  article: Article
  onSaved(article: Article): void
  onCancel(): void
}

const FIELDS = [
  ['title', 'Title'],
  ['author', 'Author'],
  ['source', 'Source'],
  ['url', 'URL'],
  ['publishedAt', 'Published'],
  ['dateline', 'Dateline']
] as const

/** Metadata found at import is a guess; the analyst has the last word. */
export function MetadataForm({ article, onSaved, onCancel }: Props) {
  const client = useClient()
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map(([key]) => [key, article[key] ?? ''])) as Record<(typeof FIELDS)[number][0], string>)
  const [error, setError] = useState<string | null>(null)
  const shownLanguage = article.language && article.language !== 'und' ? article.language : ''
  const [language, setLanguage] = useState(shownLanguage)
  const t = useT()

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      const patch = {
        title: values.title,
        author: values.author || null,
        source: values.source || null,
        url: values.url || null,
        publishedAt: values.publishedAt || null,
        dateline: values.dateline || null,
        // Only a change is sent: an unchanged detected language stays marked as detected.
        ...(language.trim() !== shownLanguage ? { language: language.trim() || null } : {})
      }
      onSaved(await client.call('article.updateMetadata', { id: article.id, patch }))
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <form className="metadata-form" onSubmit={submit} aria-label="Article details">
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} required={key === 'title'} />
        </label>
      ))}
      <label>
        {t('reader:language.field')}
        <input value={language} onChange={(e) => setLanguage(e.target.value)} aria-describedby="metadata-language-hint" dir="ltr" spellCheck={false} />
        <span className="field-hint" id="metadata-language-hint">
          {t('reader:language.fieldHint')}
        </span>
      </label>
      {/* What was imported, to check a copy against: read-only, it describes the stored original. */}
      <dl className="original-file" data-testid="original-file">
        <dt>Original file</dt>
        <dd>
          {article.originalName} ({article.originalType.toUpperCase()}
          {article.document.pageCount !== undefined && `, ${article.document.pageCount} page${article.document.pageCount === 1 ? '' : 's'}`})
        </dd>
        {article.originalSha256 && (
          <>
            <dt>SHA-256</dt>
            <dd>
              <code className="checksum">{article.originalSha256}</code>
            </dd>
          </>
        )}
      </dl>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save details
        </button>
      </div>
    </form>
  )
}
