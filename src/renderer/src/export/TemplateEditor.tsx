import { useEffect, useState } from 'react'
import { TEMPLATE_HELP } from '../../../shared/markdown/template-help'
import { useClient } from '../api/client-context'

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

  if (template === null || saved === null) return <p className="template-editor">Loading the template…</p>

  const fail = (err: unknown) => setStatus({ kind: 'error', message: (err as Error).message })

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
      <h3 id="template-editor-title">Export template</h3>
      <p className="hint">
        Handlebars: <code>{'{{title}}'}</code>, <code>{'{{#each highlights}}'}</code>, <code>{'{{quote}}'}</code>… Every field is listed
        under “Fields and helpers”. {saved.isDefault ? 'This is the default template.' : 'A custom template is in use.'}
      </p>
      <details className="template-help" data-testid="template-help">
        <summary>Fields and helpers</summary>
        <dl>
          {TEMPLATE_HELP.map((entry) => (
            <div key={entry.name}>
              <dt>
                <code>{entry.name}</code>
              </dt>
              <dd>{entry.what}</dd>
            </div>
          ))}
        </dl>
      </details>
      <label className="field">
        Template
        <textarea
          aria-label="Export template"
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value)
            setStatus({ kind: 'idle' })
          }}
          spellCheck={false}
          rows={14}
        />
      </label>
      {status.kind === 'error' && (
        <p className="error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'saved' && <p role="status">Template saved; the next export uses it.</p>}
      {status.kind === 'reset' && <p role="status">Back to the default template.</p>}
      {preview !== null && (
        <pre className="template-preview" aria-label="Preview" data-testid="template-preview">
          {preview}
        </pre>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void reset()} disabled={saved.isDefault && !dirty}>
          Reset to default
        </button>
        <button type="button" onClick={() => void showPreview()}>
          Preview
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>
          Save template
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            Done
          </button>
        )}
      </div>
    </section>
  )
}
