import { useCallback, useRef, useState } from 'react'
import type { ChannelOutput } from '../../../shared/contract'
import type { ImportResult } from '../../../shared/domain-types'
import type { DossierClient } from '../api/client'
import { ShownError } from '../api/error-message'
import { useT } from '../i18n/use-t'
import { readFilesForImport } from './read-files'

/**
 * A line of the import report. Lines the page makes itself (an annotations file, a cancelled
 * batch, a call that failed) carry their parts rather than a sentence, so the report words them
 * in the interface language.
 */
export type ReportRow = ImportResult & {
  annotations?: ChannelOutput<'annotations.import'>
  /** A cancelled batch: how many files were left. */
  cancelled?: number
  /** The whole batch failed: the error as caught (an ApiError carries its code). */
  failure?: unknown
}

export interface ImportProgress {
  done: number
  total: number
  cancelling: boolean
}

/** Files sent per call: small enough that progress moves and a cancel takes effect quickly. */
const BATCH = 8
const POLL_MS = 250

/**
 * Runs imports and reports progress, whether the page sends the files itself (file picker,
 * drag and drop) or main imports them as a job (File > Import Folder… in the desktop app).
 * Each file is stored in its own transaction, so a cancel leaves only whole articles.
 */
export function useImport(client: DossierClient, onFinished: (results: ReportRow[]) => void) {
  const t = useT()
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const cancelRef = useRef<() => void>(() => undefined)
  // Kept so a page that had no article can be imported again as its whole text.
  const lastFiles = useRef(new Map<string, File>())

  const importFiles = useCallback(
    async (files: File[], options: { wholeText?: boolean; password?: string } = {}) => {
      if (files.length === 0) return
      let cancelled = false
      cancelRef.current = () => {
        cancelled = true
        setProgress((p) => (p ? { ...p, cancelling: true } : p))
      }
      lastFiles.current = new Map(files.map((f) => [f.name, f]))
      const results: ReportRow[] = []
      setProgress({ done: 0, total: files.length, cancelling: false })
      // A .json file is annotations (a Hypothesis or Dossier export), placed on articles already here.
      const annotations = files.filter((f) => ANNOTATIONS.test(f.name))
      const articles = files.filter((f) => !ANNOTATIONS.test(f.name))
      try {
        for (const file of annotations) {
          if (cancelled) break
          try {
            results.push(annotationResult(file.name, await client.call('annotations.import', { name: file.name, text: await file.text() })))
          } catch (err) {
            results.push(failedRow(err, file.name))
          }
          setProgress({ done: results.length, total: files.length, cancelling: cancelled })
        }
        for (let i = 0; i < articles.length && !cancelled; i += BATCH) {
          const batch = await readFilesForImport(articles.slice(i, i + BATCH))
          const answer = await client.call('article.importFiles', {
            files: batch.map((f) => ({ ...f, wholeText: options.wholeText ?? false, ...(options.password !== undefined && { password: options.password }) }))
          })
          results.push(...answer.results)
          setProgress({ done: results.length, total: files.length, cancelling: cancelled })
        }
      } catch (err) {
        results.push(failedRow(err))
      } finally {
        setProgress(null)
      }
      onFinished(cancelled ? [...results, cancelledNote(files.length - results.length)] : results)
    },
    [client, onFinished]
  )

  const followJob = useCallback(
    async (jobId: string) => {
      cancelRef.current = () => {
        setProgress((p) => (p ? { ...p, cancelling: true } : p))
        void client.call('import.cancel', { jobId })
      }
      try {
        for (;;) {
          const job = await client.call('import.status', { jobId })
          setProgress((p) => ({ done: job.done, total: job.total, cancelling: p?.cancelling ?? false }))
          if (job.finished) {
            setProgress(null)
            onFinished(job.cancelled ? [...job.results, cancelledNote(job.total - job.done)] : job.results)
            return
          }
          await new Promise((r) => setTimeout(r, POLL_MS))
        }
      } catch (err) {
        setProgress(null)
        onFinished([failedRow(err)])
      }
    },
    [client, onFinished]
  )

  const importWholeText = useCallback(
    (name: string) => {
      const file = lastFiles.current.get(name)
      if (file) void importFiles([file], { wholeText: true })
    },
    [importFiles]
  )

  /**
   * An encrypted PDF again, with its password: main's ticket for a file it read (a desktop import
   * job), else the file the page still holds. The one result, for the report to update in place.
   */
  const retryWithPassword = useCallback(
    async (result: ImportResult, password: string): Promise<ImportResult> => {
      if (result.retryToken) return client.call('import.retryWithPassword', { token: result.retryToken, password })
      const file = lastFiles.current.get(result.name)
      if (!file) throw new ShownError(t('library:import.noLongerAtHand', { name: result.name }))
      const [data] = await readFilesForImport([file])
      const answer = await client.call('article.importFiles', { files: [{ ...data!, password }] })
      return answer.results[0]!
    },
    [client, t]
  )

  /** Whether the page still holds the file, so it can be sent again (not for a job main ran). */
  const canRetry = useCallback((name: string) => lastFiles.current.has(name), [])

  return { progress, importFiles, followJob, cancel: () => cancelRef.current(), importWholeText, retryWithPassword, canRetry }
}

const ANNOTATIONS = /\.json$/i

/** One line of the import report for an annotations file: what was placed, what was not and why. */
function annotationResult(name: string, r: ChannelOutput<'annotations.import'>): ReportRow {
  const placed = r.imported + r.needsReview
  const status = placed > 0 ? 'imported' : r.duplicates > 0 ? 'duplicate' : 'rejected'
  return { name, status, articleId: null, title: null, message: null, annotations: r }
}

/** A file, or the whole batch (no name), that failed before main could report on it. */
function failedRow(err: unknown, name = ''): ReportRow {
  return { name, status: 'rejected', articleId: null, title: null, message: err instanceof Error ? err.message : String(err), failure: err }
}

function cancelledNote(skipped: number): ReportRow {
  return { name: '', status: 'rejected', articleId: null, title: null, message: null, cancelled: skipped }
}
