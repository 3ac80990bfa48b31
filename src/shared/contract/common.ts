import { z } from 'zod'

/** A tag as typed: `#` and surrounding space are not part of it. */
export const TagName = z
  .string()
  .transform((t) => t.trim().replace(/^#+/, '').trim())
  .pipe(z.string().min(1).max(60).regex(/^[^\s,]+( [^\s,]+)*$/, 'a tag is words without commas'))

/** The largest file Dossier imports. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** Files cross the bridge as base64 so the original bytes survive exactly. */
export const Base64 = z
  .string()
  .max(Math.ceil(MAX_FILE_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

/** What every channel declares: the schema its input must pass and the schema its output promises. */
export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
}

/** A domain's part of the contract: channels keyed by name. */
export type ContractPart = Record<string, ChannelSpec>
