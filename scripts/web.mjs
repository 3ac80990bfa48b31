// `npm run web -- [--db PATH] [--port N]`: build if needed, then run the loopback shell.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const failure = buildIfNeeded(root)
if (failure) {
  console.error(`Dossier: ${failure}`)
  process.exit(1)
}
const child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
