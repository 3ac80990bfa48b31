export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed'

export interface AutosaveOptions {
  /** Quiet time after the last keystroke before saving. */
  debounceMs: number
  /**
   * Longest a change may wait while the analyst keeps typing: the first change after it saves,
   * just after its frame is drawn.
   */
  maxWaitMs: number
  /** Pause before retrying a failed save. */
  retryMs: number
}

export const DEFAULT_AUTOSAVE: AutosaveOptions = { debounceMs: 400, maxWaitMs: 2000, retryMs: 2000 }

/**
 * The content to save, or how to produce it: an editor hands over a function, so a keystroke
 * costs nothing in proportion to the note's length, and only the content actually saved is
 * serialized.
 */
export type PendingContent = string | (() => string)

/**
 * Runs `save` just after the next frame is drawn. Called while a key is handled, that frame is the
 * key's: a save due while the analyst types starts right after it, the moment furthest from the
 * next key, instead of at any moment between two keys, where the next key would wait behind it
 * (a 20,000-word notebook's serialization is several ms of the main thread). A page that draws
 * nothing (hidden) saves after 100 ms all the same. Not ui/after-paint.ts's `afterPaint`: that one
 * also runs its work when the page is left, where a save must go out with the keepalive the note
 * editor sizes to its body (NoteEditor's own pagehide flush).
 */
export function afterNextPaint(save: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    save()
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0))
  setTimeout(once, typeof requestAnimationFrame === 'function' ? 100 : 0)
}

/**
 * Saves the latest content, never an older one over a newer, and never drops content: a failed
 * save keeps it pending and retries. `flush` saves now and resolves once the write is done.
 */
export class Autosaver {
  private pending: PendingContent | null = null
  private firstPendingAt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  /** When the armed timer fires, and when the save is due: a key moves `dueAt` only, not the timer. */
  private timerAt = 0
  private dueAt = 0
  /** A save waits for the frame of the key that made it due. */
  private waitingForFrame = false
  private inFlight: Promise<void> | null = null
  private inFlightContent: string | null = null
  private status: SaveStatus = 'saved'

  constructor(
    private readonly save: (content: string, options: { keepalive: boolean }) => Promise<void>,
    /** `error` is the failed save's own error, for the status line to word in the interface language. */
    private readonly onStatus: (status: SaveStatus, error?: unknown) => void,
    private readonly options: AutosaveOptions = DEFAULT_AUTOSAVE,
    private readonly whenDrawn: (save: () => void) => void = afterNextPaint
  ) {}

  /**
   * Called at every key typed, inside the key's handlers: it costs a clock read and a number
   * written (no timer cleared and set again, no status told again while it stays "unsaved").
   */
  change(content: PendingContent): void {
    const now = Date.now()
    if (this.pending === null) this.firstPendingAt = now
    this.pending = content
    if (this.status !== 'unsaved') this.setStatus('unsaved')
    if (now - this.firstPendingAt >= this.options.maxWaitMs && !this.inFlight) this.saveAfterThisFrame()
    else this.schedule(this.options.debounceMs)
  }

  hasPending(): boolean {
    return this.pending !== null || this.inFlight !== null
  }

  /** The newest content not yet known to be saved: waiting, or being written now. */
  unsavedContent(): string | null {
    if (typeof this.pending === 'function') this.pending = this.pending()
    return this.pending ?? this.inFlightContent
  }

  async flush(keepalive = false): Promise<void> {
    this.clearTimer()
    // Wait for a save already under way, then write whatever is newer than it.
    while (this.inFlight) await this.inFlight
    if (this.pending === null) return
    const content = typeof this.pending === 'function' ? this.pending() : this.pending
    this.pending = null
    this.setStatus('saving')
    this.inFlightContent = content
    this.inFlight = this.save(content, { keepalive })
      .then(() => {
        if (this.pending === null) this.setStatus('saved')
      })
      .catch((err: unknown) => {
        // Put it back unless the analyst typed something newer meanwhile.
        this.pending ??= content
        this.setStatus('failed', err)
        this.schedule(this.options.retryMs)
      })
      .finally(() => {
        this.inFlight = null
        this.inFlightContent = null
      })
    await this.inFlight
  }

  dispose(): void {
    this.clearTimer()
    saveStates.delete(this)
    notifySaveState()
  }

  private schedule(delay: number) {
    const now = Date.now()
    this.dueAt = now + delay
    // A timer armed for sooner fires first and re-arms itself for the rest (see `due`).
    if (this.timer && this.timerAt <= this.dueAt) return
    this.clearTimer()
    this.arm(delay)
  }

  private arm(delay: number) {
    this.timerAt = Date.now() + delay
    this.timer = setTimeout(this.due, delay)
  }

  /** Quiet since the last key (or a retry's pause is over): no key is coming, save now. */
  private readonly due = () => {
    this.timer = null
    const left = this.dueAt - Date.now()
    if (left > 0) this.arm(left)
    else void this.flush()
  }

  private saveAfterThisFrame() {
    if (this.waitingForFrame) return
    this.waitingForFrame = true
    this.whenDrawn(() => {
      this.waitingForFrame = false
      void this.flush()
    })
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private setStatus(status: SaveStatus, error?: unknown) {
    this.status = status
    saveStates.set(this, status)
    notifySaveState()
    this.onStatus(status, error)
  }

  get currentStatus(): SaveStatus {
    return this.status
  }
}

/** Every editor's save status, for the status bar's one word about all of them. */
const saveStates = new Map<Autosaver, SaveStatus>()
const saveStateListeners = new Set<() => void>()
let overall: SaveStatus = 'saved'

function notifySaveState(): void {
  const all = new Set(saveStates.values())
  const next = (['failed', 'saving', 'unsaved'] as const).find((s) => all.has(s)) ?? 'saved'
  if (next === overall) return
  overall = next
  for (const listener of saveStateListeners) listener()
}

/** The worst status of any open editor: failed, then saving, then unsaved, else saved. */
export function overallSaveState(): SaveStatus {
  return overall
}

export function subscribeSaveState(listener: () => void): () => void {
  saveStateListeners.add(listener)
  return () => saveStateListeners.delete(listener)
}

/** Every open editor's flush, so a window close or reload can wait for all of them. */
const flushers = new Set<(keepalive: boolean) => Promise<void>>()

export function registerFlusher(flush: (keepalive: boolean) => Promise<void>): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

/**
 * Whether a save of `content` fits in a request that outlives the page: browsers refuse a
 * keepalive request whose body is over 64 KB. The margin is for the call's envelope.
 */
export function fitsKeepalive(content: string): boolean {
  return new TextEncoder().encode(JSON.stringify(content)).length <= 64 * 1024 - 2048
}

export async function flushAll(keepalive = false): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f(keepalive)))
}
