import { z } from 'zod'
import { Id, ImportResult } from '../domain-types'
import { MENU_COMMANDS } from '../menu-commands'

/**
 * Events main sends to the renderer. File > Import… runs in main (a native dialog needs no user
 * gesture there, unlike a file input opened from a menu) and reports its results as an event.
 */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), command: z.enum(MENU_COMMANDS) }),
  z.object({ type: z.literal('import-results'), results: z.array(ImportResult) }),
  z.object({ type: z.literal('import-started'), jobId: z.string() }),
  z.object({ type: z.literal('library-changed'), articleIds: z.array(Id) }),
  z.object({ type: z.literal('flush-request') }),
  /** A dossier:// link the OS handed to the app (already parsed strictly in main). */
  z.object({ type: z.literal('open-link'), link: z.object({ kind: z.enum(['article', 'highlight']), id: Id }).strict() })
])
export type AppEvent = z.infer<typeof AppEvent>
