import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DossierError } from '../shared/errors'
import { DatabaseFault, defaultDbPath, listBackups, openServices } from '../main/composition-root'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { startLoopbackServer } from './loopback-server'

/**
 * `npm run web`: Dossier in the browser, on this machine only. Prints one line with the URL and
 * its token, then serves until interrupted.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, 'capture-port': { type: 'string' }, 'no-catch-up': { type: 'boolean', default: false } },
    allowPositionals: false
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port} is not a port number (0 picks a free one).`)
  const capturePort = parseCapturePort(values['capture-port'])
  const here = dirname(fileURLToPath(import.meta.url))
  const root = resolve(here, '../..')
  const dbPath = resolve(values.db ?? process.env.DOSSIER_DB ?? defaultDbPath(process.platform, process.env, homedir()))
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

  const services = await openServices({
    dbPath,
    shell: 'web',
    version: pkg.version,
    defaultExportDir: join(homedir(), 'Documents', 'Dossier Export'),
    parseWorkerPath: join(here, 'parse-worker.js'),
    dailyBackups: true,
    searchWorkerPath: join(here, 'search-worker.js'),
    exportWriterPath: join(here, 'export-writer.js'),
    computeWorkerPath: join(here, 'compute-worker.js'),
    catchUpEntities: !values['no-catch-up'],
    // The browser extension's way in (decision 0022): the port in Settings unless --capture-port says otherwise.
    captureEndpoint:
      capturePort === 'off'
        ? undefined
        : {
            port: capturePort,
            // The browser mode's pages need this run's token; the paired extension is trusted with it.
            articleLink: (id) => (web ? `http://127.0.0.1:${web.port}/article/${id}?token=${web.token}` : null),
            onRefused: (status, reason) => console.warn(`[dossier capture] refused (${status}): ${reason}`)
          }
  })
  let web: { port: number; token: string } | null = null
  const server = await startLoopbackServer({
    dispatch: services.dispatch,
    rendererDir: join(here, '../renderer'),
    port,
    csp: CONTENT_SECURITY_POLICY,
    faviconPath: join(root, 'resources', 'icons', 'icon.ico')
  })
  web = { port: server.port, token: server.token }
  await services.listening
  const capture = services.captureEndpoint?.status()
  if (capture) console.log(capture.listening ? `Browser capture at http://127.0.0.1:${capture.port}` : `Browser capture is off: ${capture.problem}`)
  console.log(`Dossier ready at ${server.url}`)
  console.log(`Database: ${dbPath}`)

  const stop = () => {
    void server
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** `--capture-port N` (0: any free port), `off`, or absent: the port in Settings. */
function parseCapturePort(value: string | undefined): number | 'off' | undefined {
  if (value === undefined) return undefined
  if (value === 'off') return 'off'
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--capture-port: ${value} is not a port number (0 picks a free one; off turns capture off).`)
  return port
}

main().catch((err: unknown) => {
  const message = err instanceof DossierError || err instanceof Error ? err.message : String(err)
  // A damaged library: say how to put it aside and bring the newest backup back.
  const damaged = err instanceof DatabaseFault && (err.fault === 'corrupt' || err.fault === 'not_sqlite') && listBackups(err.path).length > 0
  const hint = damaged ? ` Restore the newest backup with: dossier restore --db "${(err as DatabaseFault).path}"` : ''
  console.error(`dossier web: ${message.split('\n', 1)[0]}${hint}`)
  process.exit(1)
})
