import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { BriefCheck } from '../../../shared/brief/check-brief'
import { checkIsClean, checkSummary } from '../../../shared/brief/check-brief'
import { MAX_CSL_BYTES } from '../../../shared/citations/citation'
import { useClient } from '../api/client-context'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'

type Format = 'md' | 'docx' | 'html' | 'pdf'

interface StyleInfo {
  title: string
  custom: boolean
  fileName: string | null
  canWritePdf: boolean
}

const PROBLEM: Record<BriefCheck['passages'][number]['problem'], string> = {
  changed: 'its highlight now reads differently',
  orphaned: 'its highlight lost its place in the article',
  deleted: 'its highlight was deleted'
}

/**
 * Check mode and export of the case's brief. Opening it runs the check; exporting a brief with
 * uncited sentences or troubled quotes asks once more, naming how many, before writing. PDF is
 * written by the desktop app; in the browser it is the print view's Print / Save as PDF. The
 * citation style is picked here from a CSL file (checked in main) or set back to Chicago.
 */
export function BriefDialog({ caseInfo, onClose, onPrint }: { caseInfo: CaseInfo; onClose(): void; onPrint(): void }) {
  const client = useClient()
  const t = useT()
  const [outDir, setOutDir] = useState('')
  const [format, setFormat] = useState<Format>('md')
  const [check, setCheck] = useState<BriefCheck | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [style, setStyle] = useState<StyleInfo | null>(null)
  const stylePicker = useRef<HTMLInputElement>(null)
  const printInBrowser = format === 'pdf' && style?.canWritePdf === false

  useEffect(() => {
    const failed = (err: unknown) => setError(err instanceof Error ? err.message : String(err))
    client.call('app.info', {}).then((info) => setOutDir((dir) => dir || info.defaultExportDir), () => undefined)
    client.call('brief.check', { caseId: caseInfo.id }).then(setCheck, failed)
    client.call('brief.style', {}).then(setStyle, failed)
  }, [client, caseInfo.id])

  /** Sends the picked file's text to main, which checks it (decision 0024) before keeping it; null is Chicago again. */
  async function pickStyle(file: File | null) {
    setError(null)
    setResult(null)
    try {
      if (file && file.size > MAX_CSL_BYTES) throw new Error(t('cases:brief.style.tooLarge', { file: file.name, megabytes: MAX_CSL_BYTES / 1024 / 1024 }))
      const chosen = await client.call('brief.setStyle', { file: file ? { name: file.name, xml: await file.text() } : null })
      setStyle((was) => ({ ...chosen, canWritePdf: was?.canWritePdf ?? false }))
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (check && !checkIsClean(check) && !confirming) {
      setConfirming(true)
      return
    }
    if (printInBrowser) {
      onPrint()
      return
    }
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const written = await client.call('brief.export', { caseId: caseInfo.id, outDir, format })
      setCheck(written.check)
      const notes = `${written.footnotes} footnote${written.footnotes === 1 ? '' : 's'}`
      const what = written.draft ? 'a draft brief (the notebook is empty)' : 'the brief'
      setResult(
        written.conflictFile
          ? `${written.file} was changed since Dossier wrote it, so it was kept; ${what} went to ${written.conflictFile} (${notes}).`
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
        <section aria-label={t('cases:brief.style.heading')} className="brief-style">
          <h3 className="section-title">{t('cases:brief.style.heading')}</h3>
          <p data-testid="brief-style">
            {style === null
              ? t('cases:brief.style.reading')
              : style.custom
                ? t('cases:brief.style.custom', { title: style.title, file: style.fileName ?? '' })
                : t('cases:brief.style.bundled', { title: style.title })}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => stylePicker.current?.click()} disabled={busy}>
              {t('cases:brief.style.choose')}
            </button>
            {style?.custom && (
              <button type="button" onClick={() => void pickStyle(null)} disabled={busy}>
                {t('cases:brief.style.useChicago')}
              </button>
            )}
          </div>
          <input
            ref={stylePicker}
            type="file"
            accept=".csl,.xml"
            hidden
            data-testid="brief-style-input"
            onChange={(e) => {
              const file = e.target.files?.[0] ?? null
              e.target.value = ''
              if (file) void pickStyle(file)
            }}
          />
        </section>
        <label>
          Folder
          <input name="outDir" value={outDir} onChange={(e) => setOutDir(e.target.value)} required={!printInBrowser} spellCheck={false} disabled={busy || printInBrowser} />
        </label>
        <fieldset className="radio-row">
          <legend>Format</legend>
          {(
            [
              ['md', 'Markdown'],
              ['docx', 'Word'],
              ['html', 'HTML'],
              ['pdf', style?.canWritePdf === false ? t('cases:brief.format.pdfPrintView') : t('cases:brief.format.pdf')]
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="format" checked={format === value} onChange={() => setFormat(value)} /> {label}
            </label>
          ))}
        </fieldset>
        {confirming && check && (
          <p role="alert" className="warning" data-testid="brief-confirm">
            The brief has {checkSummary(check)}. {printInBrowser ? t('cases:brief.printAnyway') : 'Export it anyway?'}
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
          <button type="submit" className="primary" disabled={busy || (!outDir && !printInBrowser) || check === null}>
            {printInBrowser ? (confirming ? t('cases:brief.openPrintViewAnyway') : t('cases:brief.openPrintView')) : confirming ? 'Export anyway' : 'Export brief'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
