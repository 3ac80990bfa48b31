import { useSyncExternalStore } from 'react'
import { overallSaveState, subscribeSaveState, type SaveStatus } from '../notes/autosave'
import type { MessageKey } from '../../../shared/i18n'
import { useT } from '../i18n/use-t'
import { useJobs } from './jobs'

const SAVE_WORDS: Record<SaveStatus, MessageKey> = {
  saved: 'shell:save.saved',
  saving: 'shell:save.saving',
  unsaved: 'shell:save.unsaved',
  failed: 'shell:save.failed'
}

/** The bottom line: whether notes are saved, what runs in the background, and how big the library is. */
export function StatusBar({ libraryTotal }: { libraryTotal: number | null }) {
  const save = useSyncExternalStore(subscribeSaveState, overallSaveState)
  const jobs = useJobs()
  const t = useT()
  return (
    <footer className="statusbar" aria-label={t('shell:status.label')}>
      <span className={`status-save ${save}`} data-testid="status-save" role="status">
        {t(SAVE_WORDS[save])}
      </span>
      {jobs.map((job) => (
        <section key={job.id} className="status-job" role="status" aria-label={t(job.name)} data-testid={`${job.id}-progress`}>
          <span>{t(job.progress, { done: job.done, total: job.total })}</span>
          <progress max={job.total} value={job.done} />
          {job.cancel && (
            <button type="button" className="link" onClick={job.cancel} disabled={job.cancelling}>
              {job.cancelling ? t('common:cancelling') : t('common:cancel')}
            </button>
          )}
        </section>
      ))}
      <span className="status-library" data-testid="status-library-size">
        {libraryTotal === null ? '' : t('shell:status.articles', { count: libraryTotal })}
      </span>
    </footer>
  )
}
