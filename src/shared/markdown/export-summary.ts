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
export function exportSummary(report: ExportCounts, stopped = false): string {
  const n = report.files.length
  const conflicts = report.conflicts.length
  return (
    `Exported ${n} article${n === 1 ? '' : 's'} to ${report.outDir}: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged` +
    (conflicts ? `, ${conflicts} not overwritten` : '') +
    (stopped ? ', then stopped' : '') +
    '.'
  )
}
