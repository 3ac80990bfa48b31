import DOMPurify from 'dompurify'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import '../../../shared/brief/brief.css'
import { useClient } from '../api/client-context'
import { useErrorText } from '../api/use-error-text'
import { useLocale, useT } from '../i18n/use-t'
import './brief-print.css'

/**
 * The brief as it prints, over the whole window: the exported HTML file's own body and print
 * styles (brief.css), so the browser's Print / Save as PDF makes the same PDF the desktop app
 * writes. The app page's CSP allows no frame and no inline style, so the brief is laid into the
 * page itself; the print stylesheet hides everything else. Escape or Close returns to the app.
 */
export function BriefPrintView({ caseInfo, onClose }: { caseInfo: CaseInfo; onClose(): void }) {
  const client = useClient()
  const t = useT()
  const errorText = useErrorText()
  const { locale } = useLocale()
  const [body, setBody] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const printButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let live = true
    client.call('brief.html', { caseId: caseInfo.id, locale }).then(
      ({ html }) => live && setBody(briefBody(html)),
      (err: unknown) => live && setError(errorText(err))
    )
    return () => {
      live = false
    }
  }, [client, caseInfo.id, locale, errorText])

  useEffect(() => {
    if (body !== null) printButton.current?.focus()
  }, [body])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return createPortal(
    <div className="brief-print-view" role="region" aria-label={t('cases:print.region', { name: caseInfo.name })} data-testid="brief-print-view">
      <div className="brief-print-bar" role="toolbar" aria-label={t('cases:print.toolbar')}>
        <span className="brief-print-hint">{t('cases:print.hint')}</span>
        <button ref={printButton} type="button" className="primary" disabled={body === null} onClick={() => window.print()} data-testid="brief-print">
          {t('cases:print.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cases:print.close')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {body === null && !error && <p className="brief-print-hint">{t('cases:print.preparing')}</p>}
      {/* Written by Dossier's own brief writer (every text escaped), and sanitized again on the way in. */}
      {body !== null && <div className="brief-doc brief-paper" data-testid="brief-paper" dangerouslySetInnerHTML={{ __html: body }} />}
    </div>,
    document.body
  )
}

/** The exported file's <main>, read in an inert document and sanitized: no script, style or handler survives. */
function briefBody(html: string): string {
  const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main')
  return DOMPurify.sanitize(main?.outerHTML ?? '', { FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] })
}
