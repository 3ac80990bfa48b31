import { useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import { useClient } from '../api/client-context'
import { useToast } from '../ui/Toast'

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
      toast({ text: `Watching “${item.pattern}”: ${item.articleCount} article${item.articleCount === 1 ? '' : 's'} match now.` })
    } catch (err) {
      // The reason names the field and what is wrong ("Back-references … are not supported").
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  async function remove(item: WatchItem) {
    try {
      await client.call('watch.remove', { id: item.id })
      setVersion((v) => v + 1)
      toast({
        text: `No longer watching “${item.pattern}”.`,
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
          aria-label="Name or pattern to watch for"
          placeholder={isRegex ? 'A pattern, e.g. IMO\\s*\\d{7}' : 'A name, e.g. Caspian Horizon'}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'watch-error' : undefined}
        />
        <label className="watch-regex">
          <input type="checkbox" checked={isRegex} onChange={(e) => setIsRegex(e.target.checked)} /> Pattern (regular expression)
        </label>
        <button type="submit">Watch</button>
      </form>
      {error && (
        <p className="watch-error" id="watch-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty-hint">Nothing watched. Add a name or a pattern: every import is checked for it, and the import report names the matches.</p>
      ) : (
        <ul className="watch-items">
          {items.map((w) => (
            <li key={w.id}>
              <span className={w.isRegex ? 'watch-pattern' : undefined}>{w.pattern}</span>
              <span className="entity-meta">
                {w.articleCount} article{w.articleCount === 1 ? '' : 's'}
              </span>
              <button type="button" className="link" onClick={() => void remove(w)} aria-label={`Stop watching “${w.pattern}”`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
