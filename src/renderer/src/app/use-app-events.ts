import { useEffect } from 'react'
import { AppEvent } from '../../../shared/contract/events'
import { COMMANDS, type CommandSpec } from '../../../shared/commands'
import type { ImportResult } from '../../../shared/domain-types'
import type { DossierLink } from '../../../shared/links/dossier-link'
import type { DossierClient } from '../api/client'
import { runCommand } from '../commands/command-registry'
import { flushAll } from '../notes/autosave'

interface Handlers {
  libraryChanged(): void
  importResults(results: ImportResult[]): void
  followImport(jobId: string): void
  openLink(link: DossierLink): void
}

/**
 * Events from the desktop shell: a menu item runs the command of the same name in the command
 * table, a dossier:// link opens its route, main's import jobs report here, and a closing window
 * waits for unsaved notes.
 */
export function useAppEvents(client: DossierClient, handlers: Handlers): void {
  const { libraryChanged, importResults, followImport, openLink } = handlers
  useEffect(
    () =>
      client.onEvent((payload) => {
        const event = AppEvent.safeParse(payload)
        if (!event.success) return
        const e = event.data
        if (e.type === 'flush-request') void flushAll().finally(() => client.flushed())
        else if (e.type === 'library-changed') libraryChanged()
        else if (e.type === 'import-results') importResults(e.results)
        else if (e.type === 'import-started') followImport(e.jobId)
        else if (e.type === 'open-link') openLink(e.link)
        else if (e.type === 'command') {
          const row = (COMMANDS as readonly CommandSpec[]).find((c) => c.menu === e.command)
          if (row) runCommand(row.id as (typeof COMMANDS)[number]['id'])
        }
      }),
    [client, libraryChanged, importResults, followImport, openLink]
  )
}
