import { useEffect, useState, type FormEvent } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import { useClient } from '../api/client-context'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { useErrorText } from '../api/use-error-text'

/**
 * The case's evidence manifest: every article with its title, source, URL, import time and
 * hashes, and the activity log's head when it was made, written as manifest.json or manifest.csv.
 */
export function ManifestDialog({ caseInfo, onClose }: { caseInfo: CaseInfo; onClose(): void }) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const [outDir, setOutDir] = useState('')
  const [format, setFormat] = useState<'json' | 'csv'>('json')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.call('app.info', {}).then((info) => setOutDir((dir) => dir || info.defaultExportDir), () => undefined)
  }, [client])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const written = await client.call('provenance.exportManifest', { caseId: caseInfo.id, outDir, format })
      setResult(t('cases:manifest.written', { file: written.file, count: written.articles }))
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('cases:manifest.title', { name: caseInfo.name })} onClose={onClose} testId="manifest-dialog">
      <form onSubmit={(e) => void submit(e)} className="case-form">
        <p className="empty-hint">
          {t('cases:manifest.hint')}
        </p>
        <label>
          {t('cases:folder')}
          <input name="outDir" value={outDir} onChange={(e) => setOutDir(e.target.value)} required spellCheck={false} disabled={busy} />
        </label>
        <fieldset className="radio-row">
          <legend>{t('cases:format')}</legend>
          <label>
            <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> JSON
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV
          </label>
        </fieldset>
        {result && (
          <p role="status" data-testid="manifest-result">
            {result}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {result ? t('cases:done') : t('cases:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !outDir}>
            {t('cases:manifest.export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
