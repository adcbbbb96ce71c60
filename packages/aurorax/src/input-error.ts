import { type InvalidInputError, invalidField } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** INVALID_INPUT for one named field, from this provider. */
export function invalid(field: string, message: string): InvalidInputError {
  return invalidField(field, message, { provider: PROVIDER_ID })
}
