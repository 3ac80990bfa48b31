import { TranslatableError, type CliMessage } from './cli-message'

/** A failure to report as one line on stderr; `exitCode` 1 unless it is a usage error. */
export class CliError extends TranslatableError {
  override readonly name = 'CliError'

  constructor(
    message: string | CliMessage,
    readonly exitCode = 1,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

export { cliMessage, type CliMessage } from './cli-message'
export { firstLine } from '../shared/errors'
export { describeSystemError } from '../main/composition-root'
