import { z } from 'zod'
import { TagName } from '../contract/common'
import type * as Wire from './capture-wire'

export * from './capture-wire'

/**
 * The endpoint's validation of what the extension sends (capture-wire.ts has the shapes). Strict:
 * an unknown key is refused, so an older or newer extension is told rather than half-understood.
 */
export const PairRequest = z
  .object({
    code: z.string().min(1).max(32),
    /** What the extension calls its browser ("Chrome on Linux"), shown in the list of paired browsers. */
    browser: z.string().trim().min(1).max(120)
  })
  .strict()
export type PairRequest = Wire.PairRequest

export const CapturedSelection = z
  .object({
    exact: z.string().min(1).max(100_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200)
  })
  .strict()
export type CapturedSelection = Wire.CapturedSelection

export const CaptureRequest = z
  .object({
    /** document.documentElement.outerHTML after the page's scripts ran. */
    html: z.string().min(1),
    url: z.string().max(8192).refine((u) => /^https?:\/\//i.test(u), 'only http and https pages can be captured'),
    title: z.string().max(2000),
    /** When the analyst pressed Save, in UTC (ISO 8601), as the browser's clock says. */
    capturedAt: z.iso.datetime(),
    userAgent: z.string().max(1000),
    selection: CapturedSelection.nullable(),
    /** Null: the case open in Dossier. */
    caseId: z.string().min(1).max(100).nullable(),
    tags: z.array(TagName).max(50)
  })
  .strict()
export type CaptureRequest = Wire.CaptureRequest

// The schemas and the wire types the extension builds must describe the same bodies.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const pairAgrees: Same<z.infer<typeof PairRequest>, Wire.PairRequest> = true
const captureAgrees: Same<z.infer<typeof CaptureRequest>, Wire.CaptureRequest> = true
void pairAgrees
void captureAgrees
