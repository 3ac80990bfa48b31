import type { CallFn, ChannelOutput } from '../contract'

export type VerifyJob = ChannelOutput<'provenance.verifyStatus'>

/** How often the dialog asks how far verification got. */
export const VERIFY_POLL_MS = 150

/**
 * Verify Library as the dialog runs it: start the job, report each state it polls, and cancel
 * it once `stop.requested` is set (Cancel, or the dialog closed). Resolves with the last state:
 * finished with its report, or cancelled.
 */
export async function runVerify(call: CallFn, onUpdate: (job: VerifyJob) => void, stop: { requested: boolean }, pollMs = VERIFY_POLL_MS): Promise<VerifyJob> {
  let job = await call('provenance.verifyStart', {})
  let cancelSent = false
  onUpdate(job)
  while (!job.finished) {
    if (stop.requested && !cancelSent) {
      cancelSent = true
      job = await call('provenance.verifyCancel', { jobId: job.jobId })
    } else {
      await new Promise((resolve) => setTimeout(resolve, pollMs))
      job = await call('provenance.verifyStatus', { jobId: job.jobId })
    }
    onUpdate(job)
  }
  return job
}
