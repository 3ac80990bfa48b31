/**
 * Sends the web shell's large requests (see WORKER_BODY_CHARS in client.ts) off the page's main
 * thread. Same origin, same token header, same answer as the page's own fetch.
 */
interface Job {
  id: number
  url: string
  headers: Record<string, string>
  body: string
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Job>) => void) | null; postMessage(message: unknown): void }

scope.onmessage = (event) => {
  const { id, url, headers, body } = event.data
  fetch(url, { method: 'POST', headers, body, credentials: 'omit' })
    .then(async (response) => scope.postMessage({ id, status: response.status, statusText: response.statusText, text: await response.text() }))
    .catch(() => scope.postMessage({ id, failed: true }))
}
