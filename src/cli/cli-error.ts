/** A failure to report as one line on stderr; `exitCode` 1 unless it is a usage error. */
export class CliError extends Error {
  override readonly name = 'CliError'

  constructor(
    message: string,
    readonly exitCode = 1,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

export { firstLine } from '../shared/errors'
export { describeSystemError } from '../main/composition-root'
