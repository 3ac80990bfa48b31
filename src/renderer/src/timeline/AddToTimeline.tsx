import { useState } from 'react'
import { useClient } from '../api/client-context'
import { useLocale, useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { formatEventDate } from './event-dates'
import { timelineChanged } from './timeline-changes'
import { useErrorText } from '../api/use-error-text'

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/**
 * "Add to timeline" for the selected highlight (also Ctrl/⌘ Alt T): the event is dated from the
 * passage when it holds a date; otherwise the analyst gives one here.
 */
export function AddToTimeline({ highlightId }: { highlightId: string }) {
  const t = useT()
  const errorText = useErrorText()
  const { intl } = useLocale()
  const client = useClient()
  const toast = useToast()
  const fail = (err: unknown) => toast({ text: errorText(err) })
  const [asking, setAsking] = useState<{ id: string; date: string; error: string | null } | null>(null)
  const ask = asking?.id === highlightId ? asking : null

  async function add(date?: string) {
    try {
      const event = await client.call('timeline.addFromHighlight', date ? { highlightId, date } : { highlightId })
      setAsking(null)
      timelineChanged()
      toast({
        text: t('cases:timeline.added', { date: formatEventDate(event, intl) }),
        undo: () => void client.call('timeline.delete', { id: event.id }).then(timelineChanged, fail)
      })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (/has no date/.test(message)) setAsking({ id: highlightId, date: date ?? '', error: date ? errorText(err) : null })
      else fail(err)
    }
  }

  return (
    <div className="add-to-timeline">
      {!ask ? (
        <button type="button" onClick={() => void add()} data-testid="add-to-timeline" title={t('cases:timeline.addTitle', { shortcut: 'Ctrl/⌘ Alt T' })}>
          {t('cases:timeline.add')}
        </button>
      ) : (
        <form
          className="timeline-date-form"
          onSubmit={(e) => {
            e.preventDefault()
            const date = ask.date.trim()
            if (!ISO.test(date)) setAsking({ ...ask, error: t('cases:timeline.dateInvalid') })
            else void add(date)
          }}
        >
          <label>
            {t('cases:timeline.noDate')}
            <input
              className="search-input"
              value={ask.date}
              placeholder={t('cases:timeline.datePlaceholder')}
              onChange={(e) => setAsking({ ...ask, date: e.target.value })}
              aria-invalid={ask.error !== null}
              aria-describedby={ask.error ? 'timeline-date-error' : undefined}
              autoFocus
              data-testid="timeline-date"
            />
          </label>
          <button type="submit" className="primary">
            {t('cases:timeline.addDate')}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t('cases:cancel')}
          </button>
          {ask.error && (
            <p id="timeline-date-error" className="watch-error" role="alert">
              {ask.error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
