import type { HeliokitError } from '@heliokit/core'
import { HTTPError } from 'ky'
import type { Deadline } from './deadline.ts'
import type { RequestContext } from './request-context.ts'
import { statusError } from './status-error.ts'
import { transferFailure } from './transfer-failure.ts'

/**
 * The HeliokitError for whatever a ky call threw: its HTTPError as the status error, anything else
 * (fetch's TypeError, an abort, the deadline) as a transfer failure. Neither keeps ky's error, which
 * holds the request, its headers and the full URL.
 */
export async function kyFailure(
  error: unknown,
  ctx: RequestContext,
  callerSignal: AbortSignal | undefined,
  deadline: Deadline,
): Promise<HeliokitError> {
  if (error instanceof HTTPError && !deadline.signal.aborted) return statusError(ctx, error.response)
  return transferFailure(ctx, error, callerSignal, deadline)
}
