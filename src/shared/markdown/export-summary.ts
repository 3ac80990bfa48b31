import type { Translate } from '../i18n/messages'

/** What a Markdown export did, as both the export dialog and `dossier export` report it. */
export interface ExportCounts {
  outDir: string
  /** One per article exported, a conflicted one included. */
  files: readonly string[]
  created: number
  updated: number
  unchanged: number
  conflicts: readonly unknown[]
}

/**
 * One sentence whose counts add up to the articles exported: a conflicted article is counted as
 * "not overwritten", never left out (which read as "Wrote 6 files (0 new, 0 updated, 5 unchanged)").
 */
export function exportSummary(t: Translate, report: ExportCounts, stopped = false): string {
  return t('export:summary', {
    count: report.files.length,
    dir: report.outDir,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    conflicts: report.conflicts.length,
    stopped: stopped ? 'yes' : 'no'
  })
}
