import type { ChannelName } from '../shared/channel-names'
import type { CallResult } from '../shared/errors'

/**
 * What the preload puts on `window.dossierBridge`: one function per contract channel, an event
 * subscription, and the acknowledgement that pending saves are flushed. Nothing else of
 * Electron reaches the page.
 */
export interface BridgeApi {
  invoke: { readonly [C in ChannelName]: (input: unknown) => Promise<CallResult<unknown>> }
  onEvent(listener: (event: unknown) => void): () => void
  flushed(): void
}
