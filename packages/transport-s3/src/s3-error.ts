import {
  AbortedError,
  AuthError,
  abortError,
  errorForStatus,
  type HeliokitError,
  InternalError,
  isHeliokitError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  redactText,
  TimeoutError,
  UnavailableError,
} from '@heliokit/core'

export interface S3ErrorContext {
  /** The S3 operation, e.g. `GetObject`. */
  readonly operation: string
  /** `s3://bucket/key`: never an HTTP URL, which could carry a signature. */
  readonly url: string
  readonly signal?: AbortSignal | undefined
  /** Values to mask in any text kept from the original error. */
  readonly secrets: readonly string[]
}

// S3 error codes by the class they map to; anything else falls back to the HTTP status.
const notFoundCodes = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket', 'NoSuchVersion'])
const authCodes = new Set([
  'AccessDenied',
  'AllAccessDisabled',
  'AccountProblem',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'CredentialsProviderError',
])
const rateLimitCodes = new Set(['SlowDown', 'TooManyRequests', 'Throttling', 'ThrottlingException'])
const unavailableCodes = new Set(['ServiceUnavailable'])
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
])

interface SdkErrorShape {
  readonly name?: unknown
  readonly message?: unknown
  readonly code?: unknown
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string }
}

/**
 * Any failure of an S3 call as a HeliokitError. SDK errors hold the raw response (headers included)
 * and sometimes echo the access key id, so they are never kept: the cause is a sanitized copy with the
 * error name, code, status and request id only.
 */
export function toS3Error(error: unknown, context: S3ErrorContext): HeliokitError {
  if (isHeliokitError(error)) return error
  if (context.signal?.aborted) return abortError(context.signal)
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape
  const name = typeof shape.name === 'string' ? shape.name : 'Error'
  const code = typeof shape.code === 'string' ? shape.code : undefined
  const status = shape.$metadata?.httpStatusCode
  const cause = sanitize(shape, name, code, status, context.secrets)
  const where = `${context.operation} ${context.url}`
  const info = { url: context.url, cause }
  if (name === 'AbortError') return new AbortedError(`${where} aborted`, info)
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || name === 'RequestTimeout') {
    return new TimeoutError(`${where} timed out`, { ...info, retryable: true })
  }
  if (status !== undefined) {
    const message = `${where} → ${status} ${name}`
    const full = { ...info, status }
    if (notFoundCodes.has(name)) return new NotFoundError(message, full)
    if (authCodes.has(name)) return new AuthError(message, full)
    if (rateLimitCodes.has(name)) return new RateLimitedError(message, { ...full, retryable: true })
    if (unavailableCodes.has(name)) return new UnavailableError(message, { ...full, retryable: true })
    return errorForStatus(status, message, full)
  }
  if (authCodes.has(name)) return new AuthError(`${where}: no usable credentials (${name})`, info)
  if ((code !== undefined && networkCodes.has(code)) || shape.$metadata !== undefined) {
    return new NetworkError(`${where} failed: ${code ?? name}`, { ...info, retryable: true })
  }
  return new InternalError(`${where} failed unexpectedly: ${name}`, info)
}

function sanitize(
  shape: SdkErrorShape,
  name: string,
  code: string | undefined,
  status: number | undefined,
  secrets: readonly string[],
): Error {
  const message = typeof shape.message === 'string' ? redactText(shape.message, secrets) : ''
  const copy = new Error(message)
  copy.name = name
  Object.assign(copy, {
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(shape.$metadata?.requestId ? { requestId: shape.$metadata.requestId } : {}),
  })
  return copy
}
