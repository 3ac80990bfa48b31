import type { MessageKey, MessageValues, Translate } from '../shared/i18n/messages'

/**
 * A message the CLI will print, named by its catalog key: formatted only when printed, so a run
 * that succeeds in silence, or prints JSON, never loads the catalogs.
 */
export interface CliMessage {
  readonly key: MessageKey
  /** A value may be a message itself (a reason inside a sentence), formatted first. */
  readonly values?: Readonly<Record<string, MessageValues[string] | CliMessage>>
}

export function cliMessage(key: MessageKey, values?: CliMessage['values']): CliMessage {
  return values ? { key, values } : { key }
}

/** A message in the language of `t`, the messages inside it first. */
export function formatMessage(t: Translate, message: CliMessage): string {
  if (!message.values) return t(message.key)
  const values: Record<string, MessageValues[string]> = {}
  for (const [name, value] of Object.entries(message.values)) values[name] = isMessage(value) ? formatMessage(t, value) : value
  return t(message.key, values)
}

function isMessage(value: unknown): value is CliMessage {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'key' in value
}

/** An error whose one-line reason is a catalog message, or (from an imported tool or file) a text as it is. */
export class TranslatableError extends Error {
  readonly said: CliMessage | null

  constructor(message: string | CliMessage, options?: ErrorOptions) {
    super(typeof message === 'string' ? message : message.key, options)
    this.said = typeof message === 'string' ? null : message
  }

  /** The reason in the language of `t`. */
  text(t: Translate): string {
    return this.said ? formatMessage(t, this.said) : this.message
  }
}
