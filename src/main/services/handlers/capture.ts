import type { HandlersFor } from '../../../shared/contract'
import type { captureContract } from '../../../shared/contract/capture'
import type { CaptureEndpoint } from '../capture/capture-endpoint'
import type { CaptureService } from '../capture/capture-service'

export function captureHandlers(capture: CaptureService, endpoint: () => CaptureEndpoint | null): HandlersFor<typeof captureContract> {
  return {
    'capture.startPairing': () => capture.startPairing(),
    'capture.cancelPairing': () => (capture.codes.withdraw(), { ok: true as const }),
    'capture.overview': () => {
      const pending = capture.codes.pending()
      return {
        pairings: capture.pairings(),
        endpoint: endpoint()?.status() ?? null,
        pending: pending && { code: pending.code, expiresAt: new Date(pending.expiresAt).toISOString() }
      }
    },
    'capture.revoke': ({ id }) => capture.revoke(id)
  }
}
