import type { ImportProgress } from './use-import'

export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel(): void }) {
  return (
    <section className="import-progress" role="status" aria-label="Import progress" data-testid="import-progress">
      <span>
        Importing {progress.done} of {progress.total} file{progress.total === 1 ? '' : 's'}…
      </span>
      <progress max={progress.total} value={progress.done} />
      <button type="button" onClick={onCancel} disabled={progress.cancelling}>
        {progress.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </section>
  )
}
