import {
  CAPTURE_KEY_HEADER,
  CAPTURE_PATHS,
  DEFAULT_CAPTURE_PORT,
  type CaptureRequest,
  type CaptureResponse,
  type CaptureStatus,
  type CaseChoice,
  type PairResponse
} from '../../src/shared/capture/capture-wire'
import type { SendOutcome } from './queue'

export interface Connection {
  port: number
  key: string | null
}

export const DEFAULT_CONNECTION: Connection = { port: DEFAULT_CAPTURE_PORT, key: null }

export type Reachability = { reachable: false; reason: string } | { reachable: true; paired: boolean; version: string }

/**
 * Dossier's capture endpoint on this machine. Every request goes to 127.0.0.1 (never a name
 * that could be resolved elsewhere) and carries the key once paired; the browser adds the
 * extension's Origin, which is what Dossier checks first.
 */
export class DossierClient {
  constructor(
    private readonly connection: Connection,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args)
  ) {}

  private url(path: string): string {
    return `http://127.0.0.1:${this.connection.port}${path}`
  }

  private headers(json: boolean): Record<string, string> {
    return { ...(json ? { 'content-type': 'application/json' } : {}), ...(this.connection.key ? { [CAPTURE_KEY_HEADER]: this.connection.key } : {}) }
  }

  async status(): Promise<Reachability> {
    try {
      const res = await this.fetchFn(this.url(CAPTURE_PATHS.status), { headers: this.headers(false) })
      if (!res.ok) return { reachable: false, reason: `Dossier answered ${res.status}: ${await res.text()}` }
      const body = (await res.json()) as CaptureStatus
      return { reachable: true, paired: body.paired, version: body.version }
    } catch {
      return { reachable: false, reason: `Dossier is not reachable on port ${this.connection.port}: is it running?` }
    }
  }

  /** Trades the code shown in Dossier for a key; throws with Dossier's own sentence when refused. */
  async pair(code: string, browserName: string): Promise<PairResponse> {
    let res: Response
    try {
      res = await this.fetchFn(this.url(CAPTURE_PATHS.pair), { method: 'POST', headers: this.headers(true), body: JSON.stringify({ code, browser: browserName }) })
    } catch {
      throw new Error(`Dossier is not reachable on port ${this.connection.port}: is it running?`)
    }
    if (!res.ok) throw new Error(await reason(res))
    return (await res.json()) as PairResponse
  }

  async cases(): Promise<CaseChoice[]> {
    const res = await this.fetchFn(this.url(CAPTURE_PATHS.cases), { headers: this.headers(false) })
    if (!res.ok) throw new Error(await reason(res))
    return ((await res.json()) as { cases: CaseChoice[] }).cases
  }

  /** One capture: delivered, Dossier away (keep it queued), or refused for good (say why). */
  async send(request: CaptureRequest): Promise<SendOutcome> {
    let res: Response
    try {
      res = await this.fetchFn(this.url(CAPTURE_PATHS.page), { method: 'POST', headers: this.headers(true), body: JSON.stringify(request) })
    } catch {
      return { kind: 'unreachable', reason: `Dossier is not reachable on port ${this.connection.port}.` }
    }
    if (res.ok) return { kind: 'delivered', response: (await res.json()) as CaptureResponse }
    // Not paired (401) is kept: pairing again sends it. Anything else Dossier refuses for good.
    if (res.status === 401) return { kind: 'unreachable', reason: await reason(res) }
    return { kind: 'refused', reason: await reason(res) }
  }
}

async function reason(res: Response): Promise<string> {
  const text = await res.text()
  try {
    const body = JSON.parse(text) as { error?: string }
    if (body.error) return body.error
  } catch {
    // Plain text: Dossier's sentence as it is.
  }
  return text || `Dossier answered ${res.status}.`
}
