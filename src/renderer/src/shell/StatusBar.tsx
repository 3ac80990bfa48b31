import { useSyncExternalStore } from 'react'
import { overallSaveState, subscribeSaveState, type SaveStatus } from '../notes/autosave'
import { useJobs } from './jobs'

const SAVE_WORDS: Record<SaveStatus, string> = { saved: 'All notes saved', saving: 'Saving…', unsaved: 'Unsaved changes', failed: 'Saving failed: retrying' }

/** The bottom line: whether notes are saved, what runs in the background, and how big the library is. */
export function StatusBar({ libraryTotal }: { libraryTotal: number | null }) {
  const save = useSyncExternalStore(subscribeSaveState, overallSaveState)
  const jobs = useJobs()
  return (
    <footer className="statusbar" aria-label="Status">
      <span className={`status-save ${save}`} data-testid="status-save" role="status">
        {SAVE_WORDS[save]}
      </span>
      {jobs.map((job) => (
        <section key={job.id} className="status-job" role="status" aria-label={`${job.label} progress`} data-testid={`${job.id}-progress`}>
          <span>
            {job.label} {job.done} of {job.total} {job.noun}
            {job.total === 1 ? '' : 's'}…
          </span>
          <progress max={job.total} value={job.done} />
          {job.cancel && (
            <button type="button" className="link" onClick={job.cancel} disabled={job.cancelling}>
              {job.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
        </section>
      ))}
      <span className="status-library" data-testid="status-library-size">
        {libraryTotal === null ? '' : `${libraryTotal.toLocaleString()} article${libraryTotal === 1 ? '' : 's'}`}
      </span>
    </footer>
  )
}
