import { z } from 'zod'
import { Id, Reason } from '../domain-types'
import type { ContractPart } from './common'

export const BrowserPairing = z.object({
  id: Id,
  name: z.string(),
  origin: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable()
})
export type BrowserPairing = z.infer<typeof BrowserPairing>

export const CaptureEndpointStatus = z.object({
  port: z.number().int(),
  listening: z.boolean(),
  problem: z.string().nullable(),
  /** `problem` as a message id and values, worded by the window in the analyst's language. */
  reason: Reason.nullable()
})

export const PairingCode = z.object({ code: z.string(), expiresAt: z.string() })

/** Connect browser: the code to type into the extension, the paired browsers, the endpoint's state. */
export const captureContract = {
  /** A new pairing code, replacing any code on show. */
  'capture.startPairing': {
    input: z.object({}).strict(),
    output: PairingCode
  },
  /** The dialog closed: the code on show stops working. */
  'capture.cancelPairing': {
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) })
  },
  'capture.overview': {
    input: z.object({}).strict(),
    output: z.object({
      pairings: z.array(BrowserPairing),
      /** Null where this shell runs no capture endpoint (the CLI, tests). */
      endpoint: CaptureEndpointStatus.nullable(),
      /** The code on show, if still usable (it is used up once the extension pairs). */
      pending: PairingCode.nullable()
    })
  },
  'capture.revoke': {
    input: z.object({ id: Id }).strict(),
    output: BrowserPairing
  }
} as const satisfies ContractPart
