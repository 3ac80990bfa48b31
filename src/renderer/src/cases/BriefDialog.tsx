import { useEffect, useState, type FormEvent } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { BriefCheck } from '../../../shared/brief/check-brief'
import { checkIsClean, checkSummary } from '../../../shared/brief/check-brief'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'

type Format = 'md' | 'docx' | 'html' | 'pdf'

const PROBLEM: Record<BriefCheck['passages'][number]['problem'], string> = {
  changed: 'its highlight now reads differently',
  orphaned: 'its highlight lost its place in the article',
  deleted: 'its highlight was deleted'
}

/**
 * Check mode and export of the case's brief. Opening it runs the check; exporting a brief with
 * uncited sentences or troubled quotes asks once more, naming how many, before writing.
 */
export function BriefDialog({ caseInfo, onClose }: { caseInfo: CaseInfo; onClose(): void }) {
  const client = useClient()
  const [outDir, setOutDir] = useState('')
  const [format, setFormat] = useState<Format>('md')
  const [check, setCheck] = useState<BriefCheck | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.call('app.info', {}).then((info) => setOutDir((dir) => dir || info.defaultExportDir), () => undefined)
    client.call('brief.check', { caseId: caseInfo.id }).then(setCheck, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
  }, [client, caseInfo.id])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (check && !checkIsClean(check) && !confirming) {
      setConfirming(true)
      return
    }
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      // PDF is the HTML file's print styles: the file is written, then printed from a browser.
      const written = await client.call('brief.export', { caseId: caseInfo.id, outDir, format: format === 'pdf' ? 'html' : format })
      setCheck(written.check)
      const notes = `${written.footnotes} footnote${written.footnotes === 1 ? '' : 's'}`
      const what = written.draft ? 'a draft brief (the notebook is empty)' : 'the brief'
      setResult(
        written.conflictFile
          ? `${written.file} was changed since Dossier wrote it, so it was kept; ${what} went to ${written.conflictFile} (${notes}).`
          : format === 'pdf'
            ? `Wrote ${written.file} (${notes}). Open it in a browser and print it to PDF: its print styles lay the brief out for paper.`
            : `Wrote ${what} to ${written.file} (${notes}).`
      )
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <Dialog title={`Brief of “${caseInfo.name}”`} onClose={onClose} testId="brief-dialog">
      <form onSubmit={(e) => void submit(e)} className="case-form">
        <section aria-label="Check" data-testid="brief-check-result">
          <h3 className="section-title">Check</h3>
          {check === null ? (
            <p className="empty-hint">Checking…</p>
          ) : (
            <>
              <p role="status">{checkSummary(check)[0]!.toUpperCase() + checkSummary(check).slice(1)}.</p>
              {check.uncited.length > 0 && (
                <>
                  <h4>Sentences without a citation</h4>
                  <ul className="brief-check-list" data-testid="brief-uncited">
                    {check.uncited.map((u, i) => (
                      <li key={i}>
                        {u.blockKind === 'keyJudgement' && <strong>Key judgement: </strong>}
                        {u.text}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {check.passages.length > 0 && (
                <>
                  <h4>Quoted passages to look at</h4>
                  <ul className="brief-check-list" data-testid="brief-passages">
                    {check.passages.map((p) => (
                      <li key={p.cite}>
                        Quote {p.cite + 1}, “{p.quoted.length > 120 ? `${p.quoted.slice(0, 119)}…` : p.quoted}”: {PROBLEM[p.problem]}
                        {p.now !== null && <> (now “{p.now}”)</>}.
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </section>
        <label>
          Folder
          <input name="outDir" value={outDir} onChange={(e) => setOutDir(e.target.value)} required spellCheck={false} disabled={busy} />
        </label>
        <fieldset className="radio-row">
          <legend>Format</legend>
          {(
            [
              ['md', 'Markdown'],
              ['docx', 'Word'],
              ['html', 'HTML'],
              ['pdf', 'PDF (print the HTML)']
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="format" checked={format === value} onChange={() => setFormat(value)} /> {label}
            </label>
          ))}
        </fieldset>
        {confirming && check && (
          <p role="alert" className="warning" data-testid="brief-confirm">
            The brief has {checkSummary(check)}. Export it anyway?
          </p>
        )}
        {result && (
          <p role="status" data-testid="brief-result">
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
            {result ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || !outDir || check === null}>
            {confirming ? 'Export anyway' : 'Export brief'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
