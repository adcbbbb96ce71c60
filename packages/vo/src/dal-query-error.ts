import { ErrorCode, HeliokitError, isHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** A DAL service answered QUERY_STATUS ERROR (pyvo's DALQueryError); `serviceMessage` is its text. */
export class DalQueryError extends HeliokitError {
  static readonly code: typeof ErrorCode.BAD_RESPONSE = ErrorCode.BAD_RESPONSE
  override name = 'DalQueryError' as const
  readonly serviceMessage: string

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isHeliokitError(value) && value.name === 'DalQueryError'
  }

  constructor(what: string, serviceMessage: string, info: { url: string; status: number }) {
    super(ErrorCode.BAD_RESPONSE, `${what} failed: ${serviceMessage}`, { provider: PROVIDER_ID, ...info })
    this.serviceMessage = serviceMessage
  }
}
