import '../zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '../../../shared/i18n'
import { DEFAULT_SETTINGS } from '../../../shared/settings-values'
import type { DossierClient } from '../api/client'
import { ClientContext } from '../api/client-context'
import { applyDocumentLocale, resolveUiLocale } from '../i18n/document-locale'
import { App } from './App'
import { FIRST_ROWS_WAIT_MS } from './start-calls'

/**
 * The window once its code has loaded (main.tsx sent the start's reads before). The interface
 * language is known before the first paint (the settings may override the OS), so the analyst
 * never sees the window flash in English first.
 */
export async function startApp(client: DossierClient, firstRows: Promise<void>): Promise<void> {
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
