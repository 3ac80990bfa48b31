import { useEffect, useState } from 'react'
import { TEMPLATE_HELP } from '../../../shared/markdown/template-help'
import { useClient } from '../api/client-context'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

/** Code quoted in a description: a field name or syntax, never translated. */
const codeNodes = (code: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(code).map(([name, text]) => [name, <code translate="no">{text}</code>]))

interface Props {
  /** An article to preview with; the newest in the library when left out. */
  previewArticleId?: string | null
  /** Preview with the article's text in `articleBody`, as the export dialog's checkbox asks. */
  includeArticle?: boolean
  onClose?(): void
}

type Status = { kind: 'idle' | 'saved' | 'reset' } | { kind: 'error'; message: string }

/**
 * The Markdown export template (Handlebars): edit, preview on a real article, save, or go back to
 * Dossier's default. Main refuses a template that does not compile and names the line; the
 * fields are listed in the editor itself (template-help.ts) and at length in docs/export-template.md. Mounted by the export dialog and by Settings.
 */
export function TemplateEditor({ previewArticleId, includeArticle = false, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const [template, setTemplate] = useState<string | null>(null)
  const [saved, setSaved] = useState<{ template: string; isDefault: boolean } | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  useEffect(() => {
    void client.call('export.getTemplate', {}).then((info) => {
      setTemplate(info.template)
      setSaved(info)
    })
  }, [client])

  if (template === null || saved === null) return <p className="template-editor">{t('export:template.loading')}</p>

  const fail = (err: unknown) => setStatus({ kind: 'error', message: errorText(err) })

  async function showPreview() {
    try {
      const input = { template: template!, includeArticle, ...(previewArticleId ? { articleId: previewArticleId } : {}) }
      setPreview((await client.call('export.previewTemplate', input)).markdown)
      setStatus({ kind: 'idle' })
    } catch (err) {
      fail(err)
    }
  }

  async function save() {
    try {
      const info = await client.call('export.setTemplate', { template: template! })
      setSaved(info)
      setStatus({ kind: 'saved' })
    } catch (err) {
      fail(err)
    }
  }

  async function reset() {
    try {
      const info = await client.call('export.resetTemplate', {})
      setTemplate(info.template)
      setSaved(info)
      setPreview(null)
      setStatus({ kind: 'reset' })
    } catch (err) {
      fail(err)
    }
  }

  const dirty = template !== saved.template
  return (
    <section className="template-editor" aria-labelledby="template-editor-title">
      <h3 id="template-editor-title">{t('export:template.title')}</h3>
      <p className="hint">
        {richT(t, 'export:template.hint', {
          examples: (
            <>
              <code translate="no">{'{{title}}'}</code>, <code translate="no">{'{{#each highlights}}'}</code>, <code translate="no">{'{{quote}}'}</code>
            </>
          )
        })}{' '}
        {saved.isDefault ? t('export:template.isDefault') : t('export:template.isCustom')}
      </p>
      <details className="template-help" data-testid="template-help">
        <summary>{t('export:template.fields')}</summary>
        <dl>
          {TEMPLATE_HELP.map((entry) => (
            <div key={entry.name}>
              <dt>
                <code translate="no">{entry.name}</code>
              </dt>
              <dd>{richT(t, entry.what, codeNodes(entry.code))}</dd>
            </div>
          ))}
        </dl>
      </details>
      <label className="field">
        {t('export:template.field')}
        <textarea
          aria-label={t('export:template.title')}
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value)
            setStatus({ kind: 'idle' })
          }}
          spellCheck={false}
          translate="no"
          rows={14}
        />
      </label>
      {status.kind === 'error' && (
        <p className="error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'saved' && <p role="status">{t('export:template.saved')}</p>}
      {status.kind === 'reset' && <p role="status">{t('export:template.reset')}</p>}
      {preview !== null && (
        <pre className="template-preview" aria-label={t('export:template.preview')} data-testid="template-preview" translate="no">
          {preview}
        </pre>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void reset()} disabled={saved.isDefault && !dirty}>
          {t('export:template.resetButton')}
        </button>
        <button type="button" onClick={() => void showPreview()}>
          {t('export:template.preview')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>
          {t('export:template.save')}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            {t('export:template.done')}
          </button>
        )}
      </div>
    </section>
  )
}
