import { useState } from 'react'
import type { ImportResult } from '../../../shared/domain-types'
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
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const wrong = /not right/.test(result.message ?? '')
  return (
    <Dialog title="This PDF has a password" onClose={onSkip} testId="pdf-password-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!password || busy) return
          setBusy(true)
          void onSubmit(password).finally(() => setBusy(false))
        }}
      >
        <p>
          <strong>{result.name}</strong> is encrypted. Type its password to import it; Dossier does not keep the password.
        </p>
        {wrong && (
          <p className="dialog-error" role="alert">
            That password is not right. Try again.
          </p>
        )}
        <label className="field">
          Password{' '}
          <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus data-testid="pdf-password-input" />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onSkip}>
            Skip this file
          </button>
          <button type="submit" disabled={!password || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
