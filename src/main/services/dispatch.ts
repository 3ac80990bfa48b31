import type { z } from 'zod'
import { contract, isChannel, type Handlers } from '../../shared/contract'
import { describeIssues, issuesReason } from '../../shared/contract/issue-sentence'
import { DossierError, firstLine, type CallResult } from '../../shared/errors'
import { runtimeFault } from '../db/database-fault'
import { refuse } from '../../shared/refusals'

export type Dispatch = (channel: unknown, input: unknown) => Promise<CallResult<unknown>>

/**
 * The one gate every call passes, whatever the transport: the channel must exist, the input
 * must match its schema, and any failure becomes a typed error without a stack trace.
 */
export function createDispatch(handlers: Handlers, log: (message: string) => void = console.error): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      // String() throws on objects without a prototype; the transport may hand over anything.
      const name = typeof channel === 'string' ? JSON.stringify(channel).slice(0, 80) : `of type ${typeof channel}`
      return { ok: false, error: refuse('call.unknown_channel', { name }).toInfo() }
    }
    const spec = contract[channel]
    const parsed = spec.input.safeParse(input)
    // A sentence for the analyst (the app and the CLI show it as it is), not zod's schema message.
    if (!parsed.success) {
      const reason = issuesReason(parsed.error)
      return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error), ...(reason ? { reason } : {}) } }
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const output = (spec.output as z.ZodType).safeParse(value)
      if (!output.success) {
        log(`[dossier] ${channel} returned data outside its contract: ${output.error.message}`)
        return { ok: false, error: refuse('call.bad_output', { channel }).toInfo() }
      }
      return { ok: true, value: output.data }
    } catch (err) {
      if (err instanceof DossierError) return { ok: false, error: err.toInfo() }
      // A full disk, a lock or a read-only file while running: say so, not "failed unexpectedly".
      const fault = runtimeFault(channel, err)
      if (fault) {
        // The analyst reads the sentence; the log keeps SQLite's own code and words for whoever fixes it.
        log(`[dossier] ${channel} failed: ${codeOf(err)}${firstLine(err)}`)
        return { ok: false, error: fault.toInfo() }
      }
      log(`[dossier] ${channel} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      return { ok: false, error: refuse('call.unexpected', { channel, detail: firstLine(err).slice(0, 200) }).toInfo() }
    }
  }
}

/** SQLite's code ("SQLITE_BUSY_SNAPSHOT") or the system's ("EBUSY"), for the log. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' ? `${code}: ` : ''
}
