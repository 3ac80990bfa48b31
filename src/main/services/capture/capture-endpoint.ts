import type { Reason } from '../../../shared/reasons'
import type { CaptureService } from './capture-service'
import { startCaptureServer, type CaptureServer } from './capture-server'

export interface EndpointStatus {
  /** The port Dossier listens on, or tries to. */
  port: number
  listening: boolean
  /** Why it is not listening, for the analyst: "port 28451 is in use by another program". */
  problem: string | null
  /** The same as a message id and values, worded by the window in the analyst's language. */
  reason: Reason | null
}

/**
 * Keeps the capture endpoint listening on the port the analyst chose, moving it when the setting
 * changes. A port that cannot be had (another Dossier, another program) leaves the rest of the
 * app running and is reported in Connect browser.
 */
export class CaptureEndpoint {
  private server: CaptureServer | null = null
  private state: EndpointStatus
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly options: { capture: CaptureService; version: string; articleLink: (id: string) => string | null; onRefused?: (status: number, reason: string) => void },
    port: number
  ) {
    this.state = { port, listening: false, problem: null, reason: null }
  }

  status(): EndpointStatus {
    return { ...this.state }
  }

  /** Listens on `port` (0: any free port), closing the previous listener first. */
  listen(port: number): Promise<EndpointStatus> {
    this.queue = this.queue.then(async () => {
      if (this.server && this.state.port === port && this.state.listening) return
      await this.server?.close()
      this.server = null
      try {
        this.server = await startCaptureServer({ ...this.options, port })
        this.state = { port: this.server.port, listening: true, problem: null, reason: null }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        // The port as a string: a number would be grouped ("28,451") when it is worded.
        const shown = String(port)
        const detail = (err as Error).message
        const [problem, reason]: [string, Reason] =
          code === 'EADDRINUSE'
            ? [`Port ${port} is in use by another program (or another Dossier); choose another port in Settings.`, { id: 'capture.port_in_use', values: { port: shown } }]
            : code === 'EACCES'
              ? [`Dossier may not listen on port ${port}; choose a port above 1024 in Settings.`, { id: 'capture.port_denied', values: { port: shown } }]
              : [`Dossier could not listen on port ${port} (${detail}).`, { id: 'capture.cannot_listen', values: { port: shown, detail } }]
        this.state = { port, listening: false, problem, reason }
      }
    })
    return this.queue.then(() => this.status())
  }

  close(): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.server?.close()
      this.server = null
      this.state = { ...this.state, listening: false }
    })
    return this.queue
  }
}
