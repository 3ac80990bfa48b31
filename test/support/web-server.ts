import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')
const READY = /Dossier ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/

export interface WebServer {
  child: ChildProcess
  /** The URL the loopback shell printed, token included. */
  url: string
  /** What the shell has printed so far (its last 64 KB): the log a failed test attaches. */
  output(): string
}

const KEEP_OUTPUT_CHARS = 64 * 1024

/**
 * Starts the real loopback shell (`out/main/web.js`, built) on a database, as `npm run web` does.
 * Browser capture stays off unless `args` names a port (`--capture-port N`): tests never take
 * the analyst's capture port. `root` is the repository's, for callers bundled elsewhere (the
 * benchmarks).
 */
export async function startWebServer(dbPath: string, args: readonly string[] = [], root = ROOT): Promise<WebServer> {
  const capture = args.includes('--capture-port') ? [] : ['--capture-port', 'off']
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--db', dbPath, '--port', '0', ...capture, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    // Generous: on a loaded CI machine a cold start can take many seconds. A server that never
    // says it is ready is stopped, so it cannot outlive its caller.
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`web shell did not start:\n${output}`))
    }, 60_000)
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS)
      const match = READY.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}:\n${output}`)))
  })
  return { child, url, output: () => output }
}

export async function stopWebServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}
