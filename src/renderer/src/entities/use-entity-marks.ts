import { useCallback, useEffect, useState } from 'react'
import type { MarkSpan } from '../reader/segments'
import { useClient } from '../api/client-context'

const KEY = 'dossier.reader.entityMarks'

/**
 * The reader's "Entities" toggle: whether mentions are marked (remembered in this window, like
 * the pane sizes), and the open article's mentions as marks while it is on.
 */
export function useEntityMarks(articleId: string): { on: boolean; toggle(): void; reload(): void; marks: readonly MarkSpan[]; count: number | null } {
  const client = useClient()
  const [on, setOn] = useState(() => localStorage.getItem(KEY) === 'on')
  const [loaded, setLoaded] = useState<{ articleId: string; marks: MarkSpan[] } | null>(null)
  /** Bumped when the analyst adds a mention herself: the marks are read again. */
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  const toggle = useCallback(() => {
    setOn((was) => {
      localStorage.setItem(KEY, was ? 'off' : 'on')
      return !was
    })
  }, [])

  useEffect(() => {
    if (!on) return
    let live = true
    client.call('entity.mentionsIn', { articleId }).then(
      ({ items }) => {
        if (!live) return
        // Nested mentions (a place inside an organisation's name) keep the outer one only.
        const marks: MarkSpan[] = []
        for (const m of items) {
          if (marks.length && m.start < marks.at(-1)!.end) continue
          marks.push({ type: 'entity', start: m.start, end: m.end, entity: { id: m.entityId, type: m.type, name: m.name, words: m.text.replace(/\s+/g, ' ') } })
        }
        setLoaded({ articleId, marks })
      },
      () => live && setLoaded({ articleId, marks: [] })
    )
    return () => {
      live = false
    }
  }, [client, articleId, on, version])

  const current = on && loaded?.articleId === articleId ? loaded.marks : null
  return { on, toggle, reload, marks: current ?? NONE, count: current ? current.length : null }
}

const NONE: readonly MarkSpan[] = []
