import { createClient } from './api/client'
import { primeStartCalls } from './app/start-calls'
import { readLocation } from './shell/location'
import './ui/tokens.css'
import './ui/primitives.css'
import './styles.css'
import './shell/shell.css'
import './cases/analysis.css'
import './pages/page-view.css'

/**
 * The window's entry: a few kilobytes that send the first render's reads (app/start-calls.ts)
 * and then load the app. The page asks for the app's scripts along with this one (their
 * modulepreload links, electron.vite.config.ts), so the reads travel while those are fetched,
 * compiled and evaluated (decision 0049).
 */
const client = createClient()
const firstRows = primeStartCalls(client, readLocation(client.shell === 'electron'))
void import('./app/start-app').then(({ startApp }) => startApp(client, firstRows))
