import { api } from './api'
import type { Overview, Reply, Request } from './messages'
import type { SentCapture } from './queue'

/** The popup: plain DOM over the background worker's answers. Text only, never markup. */
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T

async function ask<T>(request: Request): Promise<T> {
  const reply = await api.runtime.sendMessage<Reply<T>>(request)
  if (!reply || !reply.ok) throw new Error(reply ? reply.error : 'The extension did not answer.')
  return reply.value
}

function showError(err: unknown): void {
  const box = $('error')
  box.textContent = err instanceof Error ? err.message : String(err)
  box.hidden = false
}

function clearError(): void {
  $('error').hidden = true
}

function render(view: Overview): void {
  const r = view.reachability
  $('reachability').textContent = !r.reachable
    ? `Dossier is not reachable on port ${view.port}. Pages you save wait here until it is.`
    : r.paired
      ? `Connected to Dossier ${r.version} on port ${view.port}.`
      : view.paired
        ? `Dossier ${r.version} is running but no longer knows this browser: connect it again.`
        : `Dossier ${r.version} is running on port ${view.port}. Connect this browser to save pages.`
  const needsPairing = r.reachable ? !r.paired : !view.paired
  $('pairing').hidden = !needsPairing
  $<HTMLInputElement>('pair-port').value = String(view.port)
  // Saving works while Dossier is away (the queue), but never before pairing.
  $('capture').hidden = !view.paired
  $('forget').hidden = !view.paired

  const select = $<HTMLSelectElement>('case')
  select.replaceChildren(new Option('The case open in Dossier', ''))
  for (const c of view.cases) select.append(new Option(c.open ? `${c.name} (open in Dossier)` : c.name, c.id))
  if (view.caseId && !view.cases.some((c) => c.id === view.caseId)) select.append(new Option('The case chosen before', view.caseId))
  select.value = view.caseId ?? ''
  $<HTMLInputElement>('tags').value = view.tags.join(', ')

  $('queue-section').hidden = view.queue.length === 0
  $('queue-count').textContent = String(view.queue.length)
  $('queue').replaceChildren(
    ...view.queue.map((q) => {
      const li = document.createElement('li')
      li.textContent = q.title
      const small = document.createElement('small')
      small.textContent = ` — saved ${new Date(q.queuedAt).toLocaleString()}${q.lastError ? `; ${q.lastError}` : ''}`
      li.append(small)
      return li
    })
  )
}

function showResult(sent: SentCapture | null, queued: boolean): void {
  const box = $('result')
  box.hidden = false
  const link = $<HTMLAnchorElement>('result-link')
  link.hidden = true
  if (queued || !sent) {
    $('result').querySelector('h2')!.textContent = 'Waiting'
    $('result-message').textContent = 'Dossier is not reachable: the page waits in the queue and is sent when Dossier is running.'
    return
  }
  const { response } = sent
  $('result').querySelector('h2')!.textContent = response.status === 'rejected' ? 'Not saved' : response.status === 'duplicate' ? 'Already in Dossier' : 'Saved'
  $('result-message').textContent = response.message ?? ''
  if (response.openUrl) {
    link.href = response.openUrl
    link.hidden = false
  }
}

async function refresh(): Promise<void> {
  try {
    render(await ask<Overview>({ kind: 'overview' }))
  } catch (err) {
    showError(err)
  }
}

function tagsTyped(): string[] {
  return $<HTMLInputElement>('tags')
    .value.split(',')
    .map((t) => t.trim().replace(/^#+/, ''))
    .filter(Boolean)
}

async function saveChoices(): Promise<void> {
  await ask({ kind: 'choose', caseId: $<HTMLSelectElement>('case').value || null, tags: tagsTyped() })
}

$('pair-form').addEventListener('submit', (e) => {
  e.preventDefault()
  clearError()
  const code = $<HTMLInputElement>('pair-code').value
  const port = Number($<HTMLInputElement>('pair-port').value)
  ask<Overview>({ kind: 'pair', code, port }).then((view) => {
    $<HTMLInputElement>('pair-code').value = ''
    render(view)
  }, showError)
})

$('save').addEventListener('click', () => {
  clearError()
  const button = $<HTMLButtonElement>('save')
  button.disabled = true
  saveChoices()
    .then(() => ask<{ queued: boolean; sent: SentCapture | null }>({ kind: 'save' }))
    .then(({ queued, sent }) => showResult(sent, queued))
    .catch(showError)
    .finally(() => {
      button.disabled = false
      void refresh()
    })
})

$('case').addEventListener('change', () => void saveChoices().catch(showError))
$('tags').addEventListener('change', () => void saveChoices().catch(showError))
$('send-now').addEventListener('click', () => {
  clearError()
  ask({ kind: 'flush' }).then(refresh, showError)
})
$('forget').addEventListener('click', () => ask<Overview>({ kind: 'forget' }).then(render, showError))
// A dossier:// link is the app's; an http one is the browser mode's page. Either opens in a tab.
$('result-link').addEventListener('click', (e) => {
  e.preventDefault()
  const href = $<HTMLAnchorElement>('result-link').href
  if (/^(dossier:|http:\/\/127\.0\.0\.1:)/.test(href)) void api.tabs.create({ url: href })
})

void refresh()
