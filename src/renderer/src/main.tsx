import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from './api/client'
import { ClientContext } from './api/client-context'
import { App } from './app/App'
import { registerClaimQuoteView } from './notes/nodes/ClaimQuoteView'
import { registerHighlightQuoteView } from './notes/nodes/HighlightQuoteView'
import { registerSnapshotTableView } from './notes/nodes/SnapshotTableView'
import './ui/tokens.css'
import './ui/primitives.css'
import './styles.css'
import './shell/shell.css'
import './cases/analysis.css'
import './pages/page-view.css'

registerHighlightQuoteView()
registerClaimQuoteView()
registerSnapshotTableView()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientContext.Provider value={createClient()}>
      <App />
    </ClientContext.Provider>
  </StrictMode>
)
