import { run } from './run'

// `dossier list | head -1` closes the pipe early; Node would report the EPIPE as an uncaught
// error with a stack trace. The reader has gone, so there is nobody left to tell.
process.stdout.on('error', () => {})
process.stderr.on('error', () => {})

/** The `dossier` command (bin/dossier.js builds this entry on first use, then imports it). */
// The OS's locale as ICU reads it (the user's locale on Windows), for a shell that sets no LANG.
const systemLocale = Intl.DateTimeFormat().resolvedOptions().locale
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, systemLocale }).then(
  (code) => exitAfterFlush(code),
  () => exitAfterFlush(1) // run() reports its own failures; this is only a last resort.
)

/** On macOS and Windows piped output is written asynchronously: exiting at once could cut the JSON short. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}
