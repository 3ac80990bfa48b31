import type { CaptureRequest, CaptureResponse } from '../../src/shared/capture/capture-wire'

/** Where the queue lives: chrome.storage.local in the extension, a stand-in in tests. */
export interface QueueStorage {
  get(keys: string[]): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
}

export interface QueuedCapture {
  id: string
  request: CaptureRequest
  queuedAt: string
  attempts: number
  /** Why the last try did not get through ("Dossier is not reachable"). */
  lastError: string | null
}

export interface SentCapture {
  id: string
  title: string
  url: string
  sentAt: string
  response: CaptureResponse
}

/** What the sender says about one capture. */
export type SendOutcome =
  | { kind: 'delivered'; response: CaptureResponse }
  /** Dossier is not running or not reachable: keep it, try later. */
  | { kind: 'unreachable'; reason: string }
  /** Dossier answered and will never take this one (not paired, too large, invalid): drop it, say why. */
  | { kind: 'refused'; reason: string }

const QUEUE_KEY = 'queue'
const SENT_KEY = 'sent'
const KEEP_SENT = 20

/**
 * Captures wait here until Dossier takes them, in the order they were made. The queue is read
 * from and written to storage at every step, so a browser restart (or Chromium stopping the
 * service worker) loses nothing; the newest results are kept for the popup.
 */
export class CaptureQueue {
  private flushing: Promise<{ delivered: number; left: number }> | null = null

  constructor(
    private readonly storage: QueueStorage,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID()
  ) {}

  async items(): Promise<QueuedCapture[]> {
    const stored = (await this.storage.get([QUEUE_KEY]))[QUEUE_KEY]
    return Array.isArray(stored) ? (stored as QueuedCapture[]) : []
  }

  async sent(): Promise<SentCapture[]> {
    const stored = (await this.storage.get([SENT_KEY]))[SENT_KEY]
    return Array.isArray(stored) ? (stored as SentCapture[]) : []
  }

  async add(request: CaptureRequest): Promise<QueuedCapture> {
    const item: QueuedCapture = { id: this.newId(), request, queuedAt: this.now().toISOString(), attempts: 0, lastError: null }
    await this.storage.set({ [QUEUE_KEY]: [...(await this.items()), item] })
    return item
  }

  async remove(id: string): Promise<void> {
    await this.storage.set({ [QUEUE_KEY]: (await this.items()).filter((i) => i.id !== id) })
  }

  /**
   * Sends what waits, oldest first, and stops at the first that cannot get through (Dossier is
   * away: the rest would fail too, and order is kept). One flush at a time: a second call waits
   * for the one running, so nothing is sent twice.
   */
  flush(send: (request: CaptureRequest) => Promise<SendOutcome>, onResult?: (sent: SentCapture) => void): Promise<{ delivered: number; left: number }> {
    this.flushing ??= this.run(send, onResult).finally(() => (this.flushing = null))
    return this.flushing
  }

  private async run(send: (request: CaptureRequest) => Promise<SendOutcome>, onResult?: (sent: SentCapture) => void): Promise<{ delivered: number; left: number }> {
    let delivered = 0
    for (;;) {
      const [next] = await this.items()
      if (!next) return { delivered, left: 0 }
      const outcome = await send(next.request)
      if (outcome.kind === 'unreachable') {
        await this.update(next.id, { attempts: next.attempts + 1, lastError: outcome.reason })
        return { delivered, left: (await this.items()).length }
      }
      const response: CaptureResponse =
        outcome.kind === 'delivered'
          ? outcome.response
          : { status: 'rejected', articleId: null, title: null, message: outcome.reason, highlightId: null, openUrl: null }
      const record: SentCapture = { id: next.id, title: next.request.title, url: next.request.url, sentAt: this.now().toISOString(), response }
      // Recorded before it leaves the queue: a worker stopped in between sends it again, and
      // Dossier answers "already in the library", rather than losing it.
      await this.storage.set({ [SENT_KEY]: [record, ...(await this.sent())].slice(0, KEEP_SENT) })
      await this.remove(next.id)
      if (outcome.kind === 'delivered') delivered++
      onResult?.(record)
    }
  }

  private async update(id: string, patch: Partial<QueuedCapture>): Promise<void> {
    await this.storage.set({ [QUEUE_KEY]: (await this.items()).map((i) => (i.id === id ? { ...i, ...patch } : i)) })
  }
}
