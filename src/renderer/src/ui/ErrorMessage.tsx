import { describeError } from '../api/error-message'
import { useLocale, useT } from '../i18n/use-t'

interface Props {
  /** The failure as caught (an ApiError carries its code): worded here in the interface language. */
  error: unknown
  className?: string
}

/**
 * A failed call shown in a dialog or a panel, like the window's banner (decision 0033): the
 * code's message in the analyst's language, and main's own message after it, marked English.
 */
export function ErrorMessage({ error, className = 'error' }: Props) {
  const t = useT()
  const { locale } = useLocale()
  const shown = describeError(error, t, locale)
  return (
    <p className={className} role="alert">
      {shown.message}
      {shown.detail && (
        <span className="error-detail" lang="en" dir="ltr">
          {' '}
          {shown.detail}
        </span>
      )}
    </p>
  )
}
