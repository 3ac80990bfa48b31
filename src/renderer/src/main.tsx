import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '../../shared/i18n'
import { DEFAULT_SETTINGS } from '../../shared/settings-values'
import { createClient } from './api/client'
import { ClientContext } from './api/client-context'
import { App } from './app/App'
import { FIRST_ROWS_WAIT_MS, primeStartCalls } from './app/start-calls'
import { applyDocumentLocale, resolveUiLocale } from './i18n/document-locale'
import { readLocation } from './shell/router'
import './ui/tokens.css'
import './ui/primitives.css'
import './styles.css'
import './shell/shell.css'
import './cases/analysis.css'
import './pages/page-view.css'

/**
 * The interface language is known before the first paint (the settings may override the OS), so
 * the analyst never sees the window flash in English first. The other reads of the first render
 * are sent at the same time (app/start-calls.ts).
 */
async function start(): Promise<void> {
  const client = createClient()
  const firstRows = primeStartCalls(client, readLocation(client.shell === 'electron'))
  const settings = await client.call('settings.get', {}).catch(() => null)
  const locale = resolveUiLocale((settings ?? DEFAULT_SETTINGS).locale, navigator.languages)
  const i18n = await createI18n(locale)
  applyDocumentLocale(locale)
  await Promise.race([firstRows, new Promise((resolve) => setTimeout(resolve, FIRST_ROWS_WAIT_MS))])
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ClientContext.Provider value={client}>
          <App initialSettings={settings} />
        </ClientContext.Provider>
      </I18nextProvider>
    </StrictMode>
  )
}

void start()
