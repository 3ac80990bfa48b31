/** The streams and environment a run may touch; tests pass their own to run the CLI in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  env: Readonly<Record<string, string | undefined>>
  /** Where relative paths start; process.cwd() when left out. */
  cwd?: string
}

/** Everything a command writes goes through here: results to stdout, the one failure line to stderr. */
export class Printer {
  constructor(private readonly io: CliIo) {}

  line(text = ''): void {
    this.io.stdout.write(`${text}\n`)
  }

  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /** Exactly one line, whatever the message holds. */
  error(message: string): void {
    this.io.stderr.write(`dossier: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`)
  }
}
