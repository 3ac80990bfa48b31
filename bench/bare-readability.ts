import { fork } from 'node:child_process'
import { join } from 'node:path'

/** What the baseline's process answers (bare-readability-child.ts). */
export interface BareReadabilityRun {
  /** Pages a second, over the loop alone. */
  perSecond: number
  /** Readability's text of each page, in the folder's order, when asked for. */
  texts?: string[]
}

/**
 * Bare Readability on a new jsdom per page over every page of `folder`, in a process of its own:
 * the baseline of the `import` and `import-cli` groups. `texts` also brings back what it
 * extracted, for the quality rows.
 */
export function bareReadability(outDir: string, folder: string, texts = false): Promise<BareReadabilityRun> {
  return new Promise((resolve, reject) => {
    const child = fork(join(outDir, 'bare-readability-child.mjs'), [folder, ...(texts ? ['--texts'] : [])], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    let answer: BareReadabilityRun | null = null
    child.on('message', (m: BareReadabilityRun) => (answer = m))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 && answer ? resolve(answer) : reject(new Error(`the baseline exited ${code}`))))
  })
}
