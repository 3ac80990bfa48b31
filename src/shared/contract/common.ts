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

/**
 * Bytes that cross as bytes: a structured clone over Electron's IPC, the raw body of the loopback
 * server's answer (BYTES_CONTENT_TYPE), never base64 inside JSON. A 500-page report's 2.6 MB went
 * out as 3.5 MB of base64 that main encoded and checked and the page parsed and decoded before
 * pdf.js could start (BENCHMARKS.md, documents).
 */
export const Bytes = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, `must be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`)

/**
 * The output of a channel that answers bytes alone. Every transport knows it by this schema
 * (`answersBytes`): the loopback server sends its bytes as the body, and the client puts them back.
 */
export const BytesOutput = z.object({ bytes: Bytes }).strict()

/** What every channel declares: the schema its input must pass and the schema its output promises. */
export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
}

/** A domain's part of the contract: channels keyed by name. */
export type ContractPart = Record<string, ChannelSpec>
