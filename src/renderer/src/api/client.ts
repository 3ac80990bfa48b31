import { BYTES_CHANNELS, BYTES_CONTENT_TYPE } from '../../../shared/channel-names'
import type { CallFn, Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { CallResult, ErrorCode, ErrorInfo } from '../../../shared/errors'
import type { Reason } from '../../../shared/reasons'

/** A failed call, carrying main's typed error. */
export class ApiError extends Error {
  readonly code: ErrorCode
  /** Main's failure as a message id and values, worded in the interface language (describeError). */
  readonly reason: Reason | undefined
  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
    this.code = info.code
    this.reason = info.reason
  }
}

export interface CallOptions {
  /** Let the request outlive the page (saving while the page unloads). */
  keepalive?: boolean
}

export type Transport = (channel: Channel, input: unknown, options: CallOptions) => Promise<CallResult<unknown>>

export interface DossierClient {
  call: CallFn
  callWith<C extends Channel>(channel: C, input: ChannelInput<C>, options: CallOptions): Promise<ChannelOutput<C>>
  /**
   * Sends a read now, for a component that will make the same call once rendered: the start's
   * calls go out together instead of one by one after the first render. The first `call` with
   * the same channel and input takes its answer (or failure); one nobody takes within
   * PRIMED_FOR_MS is dropped, so no later call gets the start's data. Settles (never rejects)
   * when the answer arrives.
   */
  prime<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<void>
  /** A primed call's answer if it has already arrived (taken, as `call` would), else undefined. */
  takeArrived<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> | undefined
  shell: 'electron' | 'web'
  onEvent(listener: (event: unknown) => void): () => void
  flushed(): void
}

/** How long a primed call's answer waits for its caller: the first render's effects take them at once. */
export const PRIMED_FOR_MS = 10_000

interface Primed {
  answer: Promise<unknown>
  /** Settles (never rejects) when the answer arrives. */
  settled: Promise<void>
  arrived: boolean
  value: unknown
}

/** The Electron preload's bridge when present, else the loopback server of the web shell. */
export function createClient(): DossierClient {
  const bridge = window.dossierBridge
  const transport: Transport = bridge
    ? (channel, input) => bridge.invoke[channel](input)
    : loopbackTransport(takeToken())
  async function callWith<C extends Channel>(channel: C, input: ChannelInput<C>, options: CallOptions) {
    const result = await transport(channel, input, options)
    if (!result.ok) throw new ApiError(result.error)
    return result.value as ChannelOutput<C>
  }
  const primed = new Map<string, Primed>()
  const keyOf = (channel: Channel, input: unknown) => `${channel} ${JSON.stringify(input ?? {})}`
  function take(key: string): Primed | undefined {
    const entry = primed.get(key)
    primed.delete(key)
    return entry
  }
  function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const entry = take(keyOf(channel, input))
    return entry ? (entry.answer as Promise<ChannelOutput<C>>) : callWith(channel, input, {})
  }
  return {
    call,
    callWith,
    prime(channel, input) {
      const key = keyOf(channel, input)
      // Asked again before anyone took it (the pointer over a button, then its click): one read.
      const waiting = primed.get(key)
      if (waiting) return waiting.settled
      const answer = callWith(channel, input, {})
      const entry: Primed = { answer, settled: Promise.resolve(), arrived: false, value: undefined }
      // Settled here too: a primed call nobody takes must not be an unhandled rejection.
      entry.settled = answer.then(
        (value) => void Object.assign(entry, { arrived: true, value }),
        () => undefined
      )
      primed.set(key, entry)
      setTimeout(() => primed.get(key) === entry && primed.delete(key), PRIMED_FOR_MS)
      return entry.settled
    },
    takeArrived<C extends Channel>(channel: C, input: ChannelInput<C>) {
      const key = keyOf(channel, input)
      if (!primed.get(key)?.arrived) return undefined
      return take(key)!.value as ChannelOutput<C>
    },
    shell: bridge ? 'electron' : 'web',
    onEvent: (listener) => bridge?.onEvent(listener) ?? (() => undefined),
    flushed: () => bridge?.flushed()
  }
}

/**
 * The token arrives in the printed URL's query. It is kept in memory and in the address's
 * fragment, which no request carries and which survives a reload; never in a cookie (cookies
 * ignore ports) nor in storage another page of this origin could read later.
 */
function takeToken(): string {
  const url = new URL(window.location.href)
  const fromQuery = url.searchParams.get('token')
  const token = fromQuery ?? tokenInFragment(url.hash) ?? ''
  if (fromQuery) {
    url.searchParams.delete('token')
    window.history.replaceState(null, '', `${url.pathname}${url.search}#token=${encodeURIComponent(fromQuery)}`)
  }
  return token
}

export function tokenInFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')
}

/**
 * Request bodies this long (a notebook's or a long note's save) are sent from a worker: the browser
 * copies a request's body on the calling thread before it leaves, and for a 250 KB notebook that
 * held the page 10 ms and more, during which the analyst's next keys waited.
 */
export const WORKER_BODY_CHARS = 64 * 1024

/** The failure a loopback server's status means, or null when its body is the answer. */
export function loopbackFailure(status: number, statusText: string): CallResult<unknown> | null {
  if (status === 401) {
    return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid token: open the URL Dossier printed.', reason: { id: 'web.no_token', values: {} } } }
  }
  if (status < 200 || status > 299) {
    const answer = `${status} ${statusText}`.trim()
    return { ok: false, error: { code: 'internal', message: `Dossier answered ${answer}.`, reason: { id: 'web.http_status', values: { status: answer } } } }
  }
  return null
}

const UNREACHABLE: CallResult<unknown> = {
  ok: false,
  error: { code: 'internal', message: 'Dossier is not reachable: is `npm run web` still running?', reason: { id: 'web.unreachable', values: {} } }
}

function loopbackTransport(token: string): Transport {
  const headers = { 'Content-Type': 'application/json', 'X-Dossier-Token': token }
  const poster = new WorkerPoster()
  return async (channel, input, options) => {
    const body = JSON.stringify(input ?? {})
    const url = `/api/${channel}`
    // A save on the way out stays here: a worker may not outlive the page. Bytes are received in
    // the worker too: taking in a 2.6 MB answer held the page's main thread for 60-400 ms
    // (measured in Chromium on this machine), while the Page view it is for waits to draw.
    if (!options.keepalive && (body.length >= WORKER_BODY_CHARS || BYTES_CHANNELS.includes(channel))) {
      const sent = await poster.post(url, headers, body)
      if (sent) {
        if ('failed' in sent) return UNREACHABLE
        const failure = loopbackFailure(sent.status, sent.statusText)
        if (failure) return failure
        return 'bytes' in sent ? { ok: true, value: { bytes: new Uint8Array(sent.bytes) } } : (JSON.parse(sent.text) as CallResult<unknown>)
      }
    }
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers, body, keepalive: options.keepalive ?? false, credentials: 'omit' })
    } catch {
      return UNREACHABLE
    }
    const failure = loopbackFailure(response.status, response.statusText)
    if (failure) return failure
    // A channel that answers bytes (a PDF for the Page view) sends them as the body, not as JSON.
    if (response.headers.get('content-type') === BYTES_CONTENT_TYPE) return { ok: true, value: { bytes: new Uint8Array(await response.arrayBuffer()) } }
    return (await response.json()) as CallResult<unknown>
  }
}

type Posted = ({ status: number; statusText: string } & ({ text: string } | { bytes: ArrayBuffer })) | { failed: true }

/** Posts from a worker (api/post-worker.ts); null when there is none, and the caller posts itself. */
class WorkerPoster {
  private worker: Worker | null | undefined
  private next = 0
  private readonly waiting = new Map<number, (answer: Posted | null) => void>()

  post(url: string, headers: Record<string, string>, body: string): Promise<Posted | null> {
    const worker = this.start()
    if (!worker) return Promise.resolve(null)
    const id = ++this.next
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      worker.postMessage({ id, url: new URL(url, location.href).href, headers, body })
    })
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker
    try {
      this.worker = new Worker(new URL('./post-worker.ts', import.meta.url), { type: 'module' })
    } catch {
      this.worker = null
      return null
    }
    this.worker.onmessage = (event: MessageEvent<{ id: number } & Posted>) => {
      const resolve = this.waiting.get(event.data.id)
      this.waiting.delete(event.data.id)
      resolve?.(event.data)
    }
    // A worker that cannot load (a policy, a broken build) is given up: the waiting calls and
    // every later one are posted from the page, as before.
    this.worker.onerror = () => {
      this.worker = null
      for (const resolve of this.waiting.values()) resolve(null)
      this.waiting.clear()
    }
    return this.worker
  }
}
