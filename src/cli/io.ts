import type { Translate } from '../shared/i18n'
import { localeFromEnv, type Locale } from '../shared/i18n/locales'

/** The streams and environment a run may touch; tests pass their own to run the CLI in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  /** A terminal (`isTTY`) also gets progress lines on long work; a pipe or file gets only the failure line. */
  stderr: { write(text: string): unknown; isTTY?: boolean }
  env: Readonly<Record<string, string | undefined>>
  /** Where relative paths start; process.cwd() when left out. */
  cwd?: string
  /**
   * The OS's locale as the runtime reports it (`Intl`'s default), followed when no LC_ALL,
   * LC_MESSAGES or LANG is set, as on Windows; left out, such a run speaks English.
   */
  systemLocale?: string
}

/** Everything a command writes goes through here: results to stdout, the one failure line to stderr. */
export class Printer {
  private t: Promise<Translate> | null = null
  private numbers: Intl.NumberFormat | null = null

  /** `chosen`: the language `--lang` names, over the environment's. */
  constructor(
    private readonly io: CliIo,
    private readonly chosen: Locale | null = null
  ) {}

  /**
   * The language of human messages: `--lang`, else LC_ALL, LC_MESSAGES or LANG (English for
   * C/POSIX), else the OS's locale.
   */
  locale(): Locale {
    return this.chosen ?? localeFromEnv(this.io.env, this.io.systemLocale)
  }

  /** A count in a table column, grouped as the language writes it (12,345 · 12 345 · 12,345). */
  number(n: number): string {
    this.numbers ??= new Intl.NumberFormat(this.locale())
    return this.numbers.format(n)
  }

  /** A moment to the minute, in the analyst's time zone, written as the language writes dates. */
  dateTime(iso: string): string {
    const d = new Date(iso)
    if (Number.isNaN(d.getTime())) return iso.slice(0, 16)
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d)
  }

  /** A calendar date (`2025-11-25`, a publication date) as the language writes it; kept as written when it is not a full date. */
  date(isoDate: string): string {
    if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return isoDate
    const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
    if (Number.isNaN(d.getTime())) return isoDate.slice(0, 10)
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
  }

  /**
   * Human messages in the language of `locale()`;
   * `--json` output stays in neutral keys and codes whatever the language.
   */
  translator(): Promise<Translate> {
    // Loaded on first use: most commands print no translated message, and every run pays for
    // what the CLI imports at start.
    const locale = this.locale()
    this.t ??= import('../shared/i18n').then(async ({ createI18n, translator }) => translator(await createI18n(locale)))
    return this.t
  }

  /**
   * Human output. Titles and names come from imported files: control characters are dropped, so
   * an escape sequence in a title (`\e]0;…`, `\e[31m`) never reaches the terminal.
   */
  line(text = ''): void {
    this.io.stdout.write(`${printable(text)}\n`)
  }

  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /**
   * A whole file's text (a CSV or Markdown export) as it would be saved: line ends kept, CR
   * included, but no other control character, so redirecting it gives the file and printing it
   * to a terminal cannot send escape sequences.
   */
  document(text: string): void {
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    this.io.stdout.write(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ''))
  }

  /** Exactly one line, whatever the message holds. */
  error(message: string): void {
    this.endProgress()
    this.io.stderr.write(`dossier: ${printable(message.replace(/\s*[\r\n]+\s*/g, ' ')).trim()}\n`)
  }

  private progressShown = false

  /** Whether stderr is a terminal, where progress on long work is shown. */
  get showsProgress(): boolean {
    return this.io.stderr.isTTY === true
  }

  /**
   * Progress of long work, on stderr and only to a terminal: one line rewritten in place, so it
   * never mixes with the results on stdout (--json or not), and a script reading stderr still
   * gets nothing but the one-line reason of a failure.
   */
  progress(text: string): void {
    if (!this.showsProgress) return
    this.io.stderr.write(`\r${printable(text.replace(/[\r\n]+/g, ' '))}\u001b[K`)
    this.progressShown = true
  }

  /** Clears the progress line, before the results or an error are printed. */
  endProgress(): void {
    if (!this.progressShown) return
    this.io.stderr.write('\r\u001b[K')
    this.progressShown = false
  }
}

/** Text without C0 and C1 control characters (tab and line feed kept), for a terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}
