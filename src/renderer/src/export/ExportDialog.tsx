import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useClient } from '../api/client-context'

interface Props {
  currentArticleId: string | null
  defaultDir: string
  onClose(): void
}

/** Export to Markdown: one file per article into a folder the analyst names. */
export function ExportDialog({ currentArticleId, defaultDir, onClose }: Props) {
  const client = useClient()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [outDir, setOutDir] = useState(defaultDir)
  const [scope, setScope] = useState<'article' | 'all'>(currentArticleId ? 'article' : 'all')
  const [state, setState] = useState<{ busy: boolean; result?: { outDir: string; files: string[] }; error?: string }>({ busy: false })

  useEffect(() => {
    dialogRef.current?.showModal()
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setState({ busy: true })
    try {
      const result = await client.call('export.markdown', {
        outDir,
        ...(scope === 'article' && currentArticleId ? { articleIds: [currentArticleId] } : {})
      })
      setState({ busy: false, result })
    } catch (err) {
      setState({ busy: false, error: (err as Error).message })
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} aria-labelledby="export-title">
      <form onSubmit={submit}>
        <h2 id="export-title">Export Markdown</h2>
        <label className="field">
          Folder
          <input name="outDir" value={outDir} onChange={(e) => setOutDir(e.target.value)} required spellCheck={false} />
        </label>
        <fieldset className="field">
          <legend>Articles</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'article'} disabled={!currentArticleId} onChange={() => setScope('article')} />
            This article
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            The whole library
          </label>
        </fieldset>
        {state.error && <p className="error" role="alert">{state.error}</p>}
        {state.result && (
          <p className="success" role="status" data-testid="export-result">
            Wrote {state.result.files.length} file{state.result.files.length === 1 ? '' : 's'} to {state.result.outDir}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialogRef.current?.close()}>
            {state.result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={state.busy}>
            {state.busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
