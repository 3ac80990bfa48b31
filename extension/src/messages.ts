import type { CaseChoice } from '../../src/shared/capture/capture-wire'
import type { Reachability } from './dossier-client'
import type { QueuedCapture, SentCapture } from './queue'

/** What the popup asks the background worker; the worker alone talks to Dossier and the queue. */
export type Request =
  | { kind: 'overview' }
  | { kind: 'save'; tabId?: number }
  | { kind: 'flush' }
  | { kind: 'pair'; code: string; port: number }
  | { kind: 'forget' }
  | { kind: 'setPort'; port: number }
  | { kind: 'choose'; caseId: string | null; tags: string[] }
  | { kind: 'drop'; id: string }

export interface Overview {
  port: number
  paired: boolean
  reachability: Reachability
  cases: CaseChoice[]
  caseId: string | null
  tags: string[]
  queue: { id: string; title: string; url: string; queuedAt: string; lastError: string | null }[]
  sent: SentCapture[]
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string }

export function queueSummary(items: QueuedCapture[]): Overview['queue'] {
  return items.map((i) => ({ id: i.id, title: i.request.title || i.request.url, url: i.request.url, queuedAt: i.queuedAt, lastError: i.lastError }))
}
