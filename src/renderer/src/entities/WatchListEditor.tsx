import { useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { useClient } from '../api/client-context'
import { useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { useErrorText } from '../api/use-error-text'

type WatchItem = ChannelOutput<'watch.list'>['items'][number]

interface Props {
  fail(err: unknown): void
  refresh: number
}

/**
 * Names and patterns the analyst wants to hear about: checked at every import (the import report
 * names the matches) and against the library when added. Patterns are RE2 syntax, which has no
 * back-references or look-around, so none can run away (see watch-list.ts).
 */
export function WatchListEditor({ fail, refresh }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const toast = useToast()
  const [items, setItems] = useState<WatchItem[]>([])
  const [pattern, setPattern] = useState('')
  const [isRegex, setIsRegex] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    client.call('watch.list', {}).then((r) => live && setItems(r.items), fail)
    return () => {
      live = false
    }
  }, [client, fail, refresh, version])

  async function add() {
    setError(null)
    try {
      const item = await client.call('watch.add', { pattern, isRegex })
      setPattern('')
      setVersion((v) => v + 1)
      toast({ text: t('entities:watch.added', { pattern: item.pattern, count: item.articleCount }) })
    } catch (err) {
      // The reason names the field and what is wrong ("Back-references … are not supported").
      setError(errorText(err))
    }
  }

  async function remove(item: WatchItem) {
    try {
      await client.call('watch.remove', { id: item.id })
      setVersion((v) => v + 1)
      toast({
        text: t('entities:watch.removed', { pattern: item.pattern }),
        undo: () => void client.call('watch.add', { pattern: item.pattern, isRegex: item.isRegex }).then(() => setVersion((v) => v + 1), fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  return (
    <div className="watch-list" data-testid="watch-list">
      <form
        className="watch-add"
        onSubmit={(e) => {
          e.preventDefault()
          if (pattern.trim()) void add()
        }}
      >
        <input
          className="search-input"
          aria-label={t('entities:watch.label')}
          placeholder={isRegex ? t('entities:watch.patternPlaceholder', { example: 'IMO\\s*\\d{7}' }) : t('entities:watch.namePlaceholder')}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'watch-error' : undefined}
        />
        <label className="watch-regex">
          <input type="checkbox" checked={isRegex} onChange={(e) => setIsRegex(e.target.checked)} /> {t('entities:watch.regex')}
        </label>
        <button type="submit">{t('entities:watch.submit')}</button>
      </form>
      {error && (
        <p className="watch-error" id="watch-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty-hint">{t('entities:watch.empty')}</p>
      ) : (
        <ul className="watch-items">
          {items.map((w) => (
            <li key={w.id}>
              <span className={w.isRegex ? 'watch-pattern' : undefined} translate="no">
                {w.pattern}
              </span>
              <span className="entity-meta">{t('entities:watch.count', { count: w.articleCount })}</span>
              <button type="button" className="link" onClick={() => void remove(w)} aria-label={t('entities:watch.stop', { pattern: w.pattern })}>
                {t('entities:watch.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
