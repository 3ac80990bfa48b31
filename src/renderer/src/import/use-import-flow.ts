import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { ImportResult } from '../../../shared/domain-types'
import type { DossierClient } from '../api/client'
import { isHighlightDrag } from '../notes/highlight-drag'
import { endJob, reportJob } from '../shell/jobs'
import type { Workspace } from '../workspace/use-workspace'
import { droppedFiles } from './dropped-files'
import { useImport, type ReportRow } from './use-import'
import { usePasteImport } from './use-paste-import'

/**
 * Everything that brings articles in: the pickers' files, drops on the window, pasted text and the
 * desktop app's import jobs. Progress goes to the status bar; the report stays until dismissed, and
 * the first imported article opens.
 */
export function useImportFlow(client: DossierClient, workspace: Workspace, libraryChanged: () => void, fail: (err: unknown) => void) {
  const [report, setReport] = useState<ReportRow[] | null>(null)
  const [dragging, setDragging] = useState(false)
  /** Encrypted PDFs waiting for their password, asked one at a time. */
  const [passwordAsks, setPasswordAsks] = useState<ImportResult[]>([])
  const canRetry = useRef<(name: string) => boolean>(() => false)
  const { article, openArticle, reopen } = workspace

  const afterImport = useCallback(
    async (results: ReportRow[]) => {
      setReport(results)
      const asks = results.filter((r) => r.needsPassword && (r.retryToken !== undefined || canRetry.current(r.name)))
      if (asks.length) setPasswordAsks((prev) => [...prev, ...asks])
      libraryChanged()
      const first = results.find((r) => r.articleId)
      // The article on screen may be the one just updated: read it again rather than keep the old text.
      if (first?.articleId) await (first.articleId === article?.id ? reopen(first.articleId) : openArticle(first.articleId))
      // Annotations placed highlights on existing articles, perhaps the one on screen: show them.
      else if (article && results.some((r) => r.articleId === null && r.status === 'imported')) await reopen(article.id)
    },
    [libraryChanged, openArticle, reopen, article]
  )
  const importer = useImport(
    client,
    useCallback((results: ReportRow[]) => void afterImport(results), [afterImport])
  )

  const { progress, cancel } = importer
  useEffect(() => {
    canRetry.current = importer.canRetry
  })

  /** The password typed for the first file asked about: imported, or asked again when it was wrong. */
  const answerPassword = useCallback(
    async (ask: ImportResult, password: string) => {
      try {
        const result = await importer.retryWithPassword(ask, password)
        setReport((prev) => {
          const list = prev ?? []
          return list.includes(ask) ? list.map((r) => (r === ask ? result : r)) : [...list, result]
        })
        setPasswordAsks((prev) => (result.needsPassword ? prev.map((r) => (r === ask ? result : r)) : prev.filter((r) => r !== ask)))
        if (result.articleId) {
          libraryChanged()
          await openArticle(result.articleId)
        }
      } catch (err) {
        setPasswordAsks((prev) => prev.filter((r) => r !== ask))
        fail(err)
      }
    },
    [importer, libraryChanged, openArticle, fail]
  )
  const skipPassword = useCallback((ask: ImportResult) => setPasswordAsks((prev) => prev.filter((r) => r !== ask)), [])
  useEffect(() => {
    if (progress) reportJob({ id: 'import', name: 'shell:job.import.name', progress: 'shell:job.import.progress', done: progress.done, total: progress.total, cancelling: progress.cancelling, cancel })
    else endJob('import')
  }, [progress, cancel])

  usePasteImport((r) => void afterImport([r]), fail)

  const dropTarget = {
    onDragOver(e: DragEvent) {
      // A highlight dragged toward the notebook is not a file to import.
      if (isHighlightDrag(e.dataTransfer)) return
      e.preventDefault()
      setDragging(true)
    },
    onDragLeave(e: DragEvent) {
      if (e.currentTarget === e.target) setDragging(false)
    },
    onDrop(event: DragEvent) {
      event.preventDefault()
      setDragging(false)
      if (isHighlightDrag(event.dataTransfer)) return
      droppedFiles(event.dataTransfer).then((files) => importer.importFiles(files), fail)
    }
  }

  const importSample = useCallback(() => {
    client.call('article.importSample', {}).then((r) => afterImport([r]), fail)
  }, [client, afterImport, fail])

  return {
    report,
    dismissReport: () => setReport(null),
    afterImport,
    importer,
    dragging,
    dropTarget,
    importSample,
    passwordAsk: passwordAsks[0] ?? null,
    answerPassword,
    skipPassword
  }
}
