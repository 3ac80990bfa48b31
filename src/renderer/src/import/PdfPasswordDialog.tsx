import { useState } from 'react'
import type { ImportResult } from '../../../shared/domain-types'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'

interface Props {
  /** The encrypted file the last import stopped at. */
  result: ImportResult
  /** Imports it again with the password; the answer arrives as a new import report. */
  onSubmit(password: string): Promise<void>
  /** Leaves it out: the report still lists it as not imported. */
  onSkip(): void
}

/**
 * Asks for an encrypted PDF's password and imports it again, in both shells: the page sends the
 * file again when it holds it (picker, drop), or redeems the ticket main gave it for a file main
 * read (File > Import… in the desktop app). A wrong password comes back here with the reason.
 */
export function PdfPasswordDialog({ result, onSubmit, onSkip }: Props) {
  const t = useT()
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const wrong = result.reason?.id === 'import.pdf_wrong_password'
  return (
    <Dialog title={t('library:password.title')} onClose={onSkip} testId="pdf-password-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!password || busy) return
          setBusy(true)
          void onSubmit(password).finally(() => setBusy(false))
        }}
      >
        <p>{richT(t, 'library:password.intro', { name: <strong translate="no">{result.name}</strong> })}</p>
        {wrong && (
          <p className="dialog-error" role="alert">
            {t('library:password.wrong')}
          </p>
        )}
        <label className="field">
          {t('library:password.label')}{' '}
          <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus data-testid="pdf-password-input" />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onSkip}>
            {t('library:password.skip')}
          </button>
          <button type="submit" disabled={!password || busy}>
            {busy ? t('library:password.importing') : t('library:password.import')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
