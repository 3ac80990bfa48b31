import { useEffect } from 'react'
import type { AppEvent } from '../../../shared/contract/events'
import { COMMANDS, type CommandSpec } from '../../../shared/commands'
import type { ImportResult } from '../../../shared/domain-types'
import type { DossierLink } from '../../../shared/links/dossier-link'
import type { DossierClient } from '../api/client'
import { runCommand } from '../commands/command-registry'
import { flushAll } from '../notes/autosave'
import { whenIdle } from '../ui/when-idle'

interface Handlers {
  libraryChanged(): void
  importResults(results: ImportResult[]): void
  followImport(jobId: string): void
  openLink(link: DossierLink): void
}

/**
 * The events' schema brings the domain types with it, over a hundred zod schemas built when their
 * module is evaluated: the window's first paint does not wait for them. Loaded once the window
 * is idle, or by the first event; only the desktop shell has events.
 */
let schema: Promise<typeof import('../../../shared/contract/events')> | null = null
const eventSchema = () => (schema ??= import('../../../shared/contract/events'))

/**
 * Events from the desktop shell: a menu item runs the command of the same name in the command
 * table, a dossier:// link opens its route, main's import jobs report here, and a closing window
 * waits for unsaved notes.
 */
export function useAppEvents(client: DossierClient, handlers: Handlers): void {
  const { libraryChanged, importResults, followImport, openLink } = handlers
  useEffect(() => (client.shell === 'electron' ? whenIdle(() => void eventSchema()) : undefined), [client])
  useEffect(() => {
    // In the order they came: each waits for the one before (and the first for the schema).
    let queue = Promise.resolve()
    const handle = (e: AppEvent) => {
      if (e.type === 'flush-request') void flushAll().finally(() => client.flushed())
      else if (e.type === 'library-changed') libraryChanged()
      else if (e.type === 'import-results') importResults(e.results)
      else if (e.type === 'import-started') followImport(e.jobId)
      else if (e.type === 'open-link') openLink(e.link)
      else if (e.type === 'command') {
        const row = (COMMANDS as readonly CommandSpec[]).find((c) => c.menu === e.command)
        if (row) runCommand(row.id as (typeof COMMANDS)[number]['id'])
      }
    }
    return client.onEvent((payload) => {
      queue = queue
        .then(eventSchema)
        .then(({ AppEvent }) => {
          const event = AppEvent.safeParse(payload)
          if (event.success) handle(event.data)
        })
        // A handler's failure must not stop the events after it.
        .catch((err: unknown) => console.error(err))
    })
  }, [client, libraryChanged, importResults, followImport, openLink])
}
