/**
 * Sends the web shell's large requests (see WORKER_BODY_CHARS in client.ts) and receives its large
 * answers (the bytes channels, BYTES_CHANNELS) off the page's main thread. Same origin, same
 * token header, same answer as the page's own fetch. Bytes come back transferred, not copied.
 */
import { BYTES_CONTENT_TYPE } from '../../../shared/channel-names'

interface Job {
  id: number
  url: string
  headers: Record<string, string>
  body: string
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Job>) => void) | null; postMessage(message: unknown, transfer?: Transferable[]): void }

scope.onmessage = (event) => {
  const { id, url, headers, body } = event.data
  fetch(url, { method: 'POST', headers, body, credentials: 'omit' })
    .then(async (response) => {
      const { status, statusText } = response
      if (response.headers.get('content-type') === BYTES_CONTENT_TYPE) {
        const bytes = await response.arrayBuffer()
        scope.postMessage({ id, status, statusText, bytes }, [bytes])
      } else scope.postMessage({ id, status, statusText, text: await response.text() })
    })
    .catch(() => scope.postMessage({ id, failed: true }))
}
