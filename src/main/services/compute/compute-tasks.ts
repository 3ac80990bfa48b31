import { reanchor, type AnchorSelector, type ReanchorResult } from '../../../shared/anchoring/reanchor'
import type { ExportContext } from '../../../shared/markdown/export-context'
import { compileExportTemplate } from '../../../shared/markdown/export-template'
import { resolveLanguage } from '../../../shared/text/article-language'
import { eldDetector } from '../language/eld-detector'

/**
 * CPU-bound work that must not hold main's event loop (every other call waits on it): finding
 * imported annotations' passages again, and rendering an analyst's export template. Plain data
 * in and out, so it runs the same in a worker (compute-worker.ts) and in-process (CLI, tests).
 */
export type ComputeTask =
  | { kind: 'reanchor'; text: string; selectors: AnchorSelector[] }
  | { kind: 'renderTemplate'; template: string; context: ExportContext }
  /** The languages of articles that have none yet (the openings of their texts): migration 050's backfill. */
  | { kind: 'detectLanguages'; samples: string[] }

export type ComputeResult<T extends ComputeTask> = T extends { kind: 'reanchor' } ? ReanchorResult[] : T extends { kind: 'detectLanguages' } ? string[] : string

export async function runComputeTask(task: ComputeTask): Promise<ReanchorResult[] | string | string[]> {
  // Each on its own, as annotations from different tools and times do not move together.
  if (task.kind === 'reanchor') return task.selectors.map((selector) => reanchor(task.text, selector))
  if (task.kind === 'detectLanguages') {
    const detect = await eldDetector()
    return task.samples.map((sample) => resolveLanguage(null, sample, detect).language)
  }
  return compileExportTemplate(task.template)(task.context)
}

export function describeComputeTask(task: ComputeTask): string {
  return task.kind === 'reanchor' ? 'finding imported passages' : task.kind === 'detectLanguages' ? 'detecting articles’ languages' : 'rendering the export template'
}
