import { useState, type FormEvent } from 'react'
import type { Article } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import type { MessageKey } from '../../../shared/i18n'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

interface Props {
  article: Article
  onSaved(article: Article): void
  onCancel(): void
}

const FIELDS = [
  ['title', 'reader:details.title'],
  ['author', 'reader:details.author'],
  ['source', 'reader:details.source'],
  ['url', 'reader:details.url'],
  ['publishedAt', 'reader:details.published'],
  ['dateline', 'reader:details.dateline']
] as const satisfies readonly (readonly [string, MessageKey])[]

/** Metadata found at import is a guess; the analyst has the last word. */
export function MetadataForm({ article, onSaved, onCancel }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map(([key]) => [key, article[key] ?? ''])) as Record<(typeof FIELDS)[number][0], string>)
  const [error, setError] = useState<string | null>(null)
  const shownLanguage = article.language && article.language !== 'und' ? article.language : ''
  const [language, setLanguage] = useState(shownLanguage)
  // The file's name and format are the analyst's data, not words to translate.
  const original = { name: <span translate="no">{article.originalName}</span>, type: <span translate="no">{article.originalType.toUpperCase()}</span> }

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
      setError(errorText(err))
    }
  }

  return (
    <form className="metadata-form" onSubmit={submit} aria-label={t('reader:details.label')}>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {t(label)}
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
        <dt>{t('reader:details.original')}</dt>
        <dd>
          {richT(t, article.document.pageCount !== undefined ? 'reader:details.originalPages' : 'reader:details.originalType', original, { count: article.document.pageCount ?? 0 })}
        </dd>
        {article.originalSha256 && (
          <>
            <dt translate="no">SHA-256</dt>
            <dd>
              <code className="checksum">{article.originalSha256}</code>
            </dd>
          </>
        )}
      </dl>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('reader:details.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('reader:details.save')}
        </button>
      </div>
    </form>
  )
}
