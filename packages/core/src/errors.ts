/** Stable error codes: callers branch on these, never on messages. */
export const ErrorCode = {
  HTTP: 'HTTP',
  AUTH: 'AUTH',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  TIMEOUT: 'TIMEOUT',
  ABORTED: 'ABORTED',
  INVALID_INPUT: 'INVALID_INPUT',
  BAD_RESPONSE: 'BAD_RESPONSE',
  UNAVAILABLE: 'UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  NETWORK: 'NETWORK',
  INTEGRITY: 'INTEGRITY',
  INTERNAL: 'INTERNAL',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** One problem with an input or a response, located by a dotted path such as `urls.3`. */
export interface ErrorIssue {
  readonly path: string
  readonly message: string
}

export interface ErrorInfo {
  /** Id of the provider the error came from. */
  readonly provider?: string
  /** HTTP status, when a server answered. */
  readonly status?: number
  /** The URL involved, already redacted. */
  readonly url?: string
  /** Whether trying again may succeed. */
  readonly retryable?: boolean
  /** How long the server asked us to wait before trying again. */
  readonly retryAfterMs?: number
  /** What was wrong with an input or a response. */
  readonly issues?: readonly ErrorIssue[]
  readonly cause?: unknown
}

// A registry symbol, so two copies of core (linked, nested, two versions) recognise each other's errors.
const BRAND = Symbol.for('heliokit.error')

const statusRetryable: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

/** Whether an HTTP status is worth retrying for an idempotent request. */
export function isRetryableStatus(status: number): boolean {
  return statusRetryable.has(status)
}

export class HeliokitError extends Error {
  override name = 'HeliokitError'
  readonly code: ErrorCode
  readonly provider: string | undefined
  readonly status: number | undefined
  readonly url: string | undefined
  readonly retryable: boolean
  readonly retryAfterMs: number | undefined
  readonly issues: readonly ErrorIssue[]

  constructor(code: ErrorCode, message: string, info: ErrorInfo = {}) {
    const prefix = info.provider ? `[heliokit] [${info.provider}]` : '[heliokit]'
    super(`${prefix} ${message}`, info.cause === undefined ? undefined : { cause: info.cause })
    Object.defineProperty(this, BRAND, { value: true })
    this.code = code
    this.provider = info.provider
    this.status = info.status
    this.url = info.url
    this.retryable = info.retryable ?? false
    this.retryAfterMs = info.retryAfterMs
    this.issues = info.issues ?? []
  }

  /**
   * `instanceof` works across duplicate copies of core: any branded error is a HeliokitError, and a
   * subclass matches by its code.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isHeliokitError(value)) return false
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being tested against
    const code = (this as { readonly code?: ErrorCode }).code
    return code === undefined || value.code === code
  }

  /** A plain object for logs and JSON output; holds nothing the message does not. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      provider: this.provider,
      status: this.status,
      url: this.url,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      issues: this.issues.length ? this.issues : undefined,
    }
  }
}

export function isHeliokitError(value: unknown): value is HeliokitError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: true })[BRAND] === true
}

function subclass<C extends ErrorCode>(code: C, name: string) {
  return class extends HeliokitError {
    static readonly code: C = code
    override name = name
    constructor(message: string, info: ErrorInfo = {}) {
      super(code, message, info)
    }
  }
}

type ErrorClass = new (message: string, info?: ErrorInfo) => HeliokitError

/** A server answered with an HTTP error status that no more specific class covers. */
export const HttpError: ErrorClass = subclass(ErrorCode.HTTP, 'HttpError')
export type HttpError = HeliokitError
/** Credentials missing, wrong or not allowed (401, 403). */
export const AuthError: ErrorClass = subclass(ErrorCode.AUTH, 'AuthError')
export type AuthError = HeliokitError
export const NotFoundError: ErrorClass = subclass(ErrorCode.NOT_FOUND, 'NotFoundError')
export type NotFoundError = HeliokitError
/** 429; `retryAfterMs` holds the server's Retry-After when it sent one. */
export const RateLimitedError: ErrorClass = subclass(ErrorCode.RATE_LIMITED, 'RateLimitedError')
export type RateLimitedError = HeliokitError
export const TimeoutError: ErrorClass = subclass(ErrorCode.TIMEOUT, 'TimeoutError')
export type TimeoutError = HeliokitError
export const AbortedError: ErrorClass = subclass(ErrorCode.ABORTED, 'AbortedError')
export type AbortedError = HeliokitError
/** The caller's input was rejected before anything was sent; `issues` says what and where. */
export const InvalidInputError: ErrorClass = subclass(ErrorCode.INVALID_INPUT, 'InvalidInputError')
export type InvalidInputError = HeliokitError
/** A response did not have the shape we rely on; `issues` names the fields. */
export const BadResponseError: ErrorClass = subclass(ErrorCode.BAD_RESPONSE, 'BadResponseError')
export type BadResponseError = HeliokitError
/** The service or a needed transport is not available (503, no transport for a scheme). */
export const UnavailableError: ErrorClass = subclass(ErrorCode.UNAVAILABLE, 'UnavailableError')
export type UnavailableError = HeliokitError
export const ConflictError: ErrorClass = subclass(ErrorCode.CONFLICT, 'ConflictError')
export type ConflictError = HeliokitError
/** The connection failed or broke before a complete answer arrived. */
export const NetworkError: ErrorClass = subclass(ErrorCode.NETWORK, 'NetworkError')
export type NetworkError = HeliokitError
/** Received bytes do not match the expected size or checksum. */
export const IntegrityError: ErrorClass = subclass(ErrorCode.INTEGRITY, 'IntegrityError')
export type IntegrityError = HeliokitError

/** An unexpected failure inside a provider or transport: a bug to report. */
export const InternalError: ErrorClass = subclass(ErrorCode.INTERNAL, 'InternalError')
export type InternalError = HeliokitError

/** INVALID_INPUT for one named field: the message and the single issue both name it. */
export function invalidField(
  field: string,
  message: string,
  info: Omit<ErrorInfo, 'issues'> = {},
): InstanceType<typeof InvalidInputError> {
  return new InvalidInputError(`${field} ${message}`, { ...info, issues: [{ path: field, message }] })
}

/** The error class for an HTTP status, so every package maps statuses the same way. */
export function errorForStatus(status: number, message: string, info: ErrorInfo = {}): HeliokitError {
  const full = { retryable: isRetryableStatus(status), ...info, status }
  if (status === 401 || status === 403) return new AuthError(message, full)
  if (status === 404 || status === 410) return new NotFoundError(message, full)
  if (status === 409 || status === 412) return new ConflictError(message, full)
  if (status === 429) return new RateLimitedError(message, full)
  if (status === 408 || status === 504) return new TimeoutError(message, full)
  if (status === 503) return new UnavailableError(message, full)
  if (status === 400 || status === 422) return new InvalidInputError(message, full)
  return new HttpError(message, full)
}
