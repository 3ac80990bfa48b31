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
  shell: 'electron' | 'web'
  onEvent(listener: (event: unknown) => void): () => void
  flushed(): void
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
  return {
    call: (channel, input) => callWith(channel, input, {}),
    callWith,
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

function loopbackTransport(token: string): Transport {
  return async (channel, input, options) => {
    let response: Response
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': token },
        body: JSON.stringify(input ?? {}),
        keepalive: options.keepalive ?? false,
        credentials: 'omit'
      })
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Dossier is not reachable: is `npm run web` still running?' } }
    }
    if (response.status === 401) {
      return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid token: open the URL Dossier printed.' } }
    }
    if (!response.ok) {
      return { ok: false, error: { code: 'internal', message: `Dossier answered ${response.status} ${response.statusText}.` } }
    }
    return (await response.json()) as CallResult<unknown>
  }
}
