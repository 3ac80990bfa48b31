import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { BriefCheck } from '../../../shared/brief/check-brief'
import { checkFindings, checkIsClean } from '../../../shared/brief/check-brief'
import { MAX_CSL_BYTES } from '../../../shared/citations/citation'
import { useClient } from '../api/client-context'
import { ShownError } from '../api/error-message'
import { useErrorText } from '../api/use-error-text'
import { useLocale, useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'

type Format = 'md' | 'docx' | 'html' | 'pdf'

interface StyleInfo {
  title: string
  custom: boolean
  fileName: string | null
  canWritePdf: boolean
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
  const errorText = useErrorText()
  const { locale, intl } = useLocale()
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
    const failed = (err: unknown) => setError(errorText(err))
    client.call('app.info', {}).then((info) => setOutDir((dir) => dir || info.defaultExportDir), () => undefined)
    client.call('brief.check', { caseId: caseInfo.id, locale }).then(setCheck, failed)
    client.call('brief.style', {}).then(setStyle, failed)
  }, [client, caseInfo.id, locale, errorText])

  /** Sends the picked file's text to main, which checks it (decision 0024) before keeping it; null is Chicago again. */
  async function pickStyle(file: File | null) {
    setError(null)
    setResult(null)
    try {
      if (file && file.size > MAX_CSL_BYTES) throw new ShownError(t('cases:brief.style.tooLarge', { file: file.name, megabytes: MAX_CSL_BYTES / 1024 / 1024 }))
      const chosen = await client.call('brief.setStyle', { file: file ? { name: file.name, xml: await file.text() } : null })
      setStyle((was) => ({ ...chosen, canWritePdf: was?.canWritePdf ?? false }))
    } catch (err) {
      setError(errorText(err))
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
      // The brief's own words (headings, column names, labels) in the interface's language.
      const written = await client.call('brief.export', { caseId: caseInfo.id, outDir, format, locale })
      setCheck(written.check)
      const said = { draft: written.draft ? 'yes' : 'no', count: written.footnotes, file: written.file }
      setResult(written.conflictFile ? t('brief:dialog.conflict', { ...said, conflictFile: written.conflictFile }) : t('brief:dialog.written', said))
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <Dialog title={t('brief:dialog.title', { name: caseInfo.name })} onClose={onClose} testId="brief-dialog">
      <form onSubmit={(e) => void submit(e)} className="case-form">
        <section aria-label={t('brief:dialog.check')} data-testid="brief-check-result">
          <h3 className="section-title">{t('brief:dialog.check')}</h3>
          {check === null ? (
            <p className="empty-hint">{t('brief:dialog.checking')}</p>
          ) : (
            <>
              <p role="status">{checkIsClean(check) ? t('brief:check.clean') : t('brief:check.status', { summary: checkFindings(check, t, intl) })}</p>
              {check.uncited.length > 0 && (
                <>
                  <h4>{t('brief:dialog.uncited')}</h4>
                  <ul className="brief-check-list" data-testid="brief-uncited">
                    {check.uncited.map((u, i) => (
                      <li key={i}>
                        {u.blockKind === 'keyJudgement' && <strong>{t('brief:export.keyJudgementLead')} </strong>}
                        <span translate="no">{u.text}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {check.passages.length > 0 && (
                <>
                  <h4>{t('brief:dialog.passages')}</h4>
                  <ul className="brief-check-list" data-testid="brief-passages">
                    {check.passages.map((p) => (
                      <li key={p.cite}>
                        {t('brief:dialog.passage', {
                          n: p.cite + 1,
                          quoted: p.quoted.length > 120 ? `${p.quoted.slice(0, 119)}…` : p.quoted,
                          problem: p.problem,
                          hasNow: p.now !== null ? 'yes' : 'no',
                          now: p.now ?? ''
                        })}
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
          {t('brief:dialog.folder')}
          <input name="outDir" value={outDir} onChange={(e) => setOutDir(e.target.value)} required={!printInBrowser} spellCheck={false} disabled={busy || printInBrowser} />
        </label>
        <fieldset className="radio-row">
          <legend>{t('brief:dialog.format')}</legend>
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
            {t('brief:check.confirm', { summary: checkFindings(check, t, intl) })} {printInBrowser ? t('cases:brief.printAnyway') : t('brief:dialog.exportAnywayQuestion')}
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
            {result ? t('brief:dialog.done') : t('brief:dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || (!outDir && !printInBrowser) || check === null}>
            {printInBrowser ? (confirming ? t('cases:brief.openPrintViewAnyway') : t('cases:brief.openPrintView')) : confirming ? t('brief:dialog.exportAnyway') : t('brief:dialog.export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
