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

  /** Any branded error is a HeliokitError; a subclass with a static `code` matches that code, across copies of core. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being tested against
    const code = (this as { readonly code?: ErrorCode }).code
    return isHeliokitError(value) && (code === undefined || value.code === code)
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

/** A server answered with an HTTP error status that no more specific class covers. */
export class HttpError extends HeliokitError {
  static readonly code = 'HTTP' as const
  declare readonly code: typeof HttpError.code
  override name = 'HttpError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(HttpError.code, message, info)
  }
}

/** Credentials missing, wrong or not allowed (401, 403). */
export class AuthError extends HeliokitError {
  static readonly code = 'AUTH' as const
  declare readonly code: typeof AuthError.code
  override name = 'AuthError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(AuthError.code, message, info)
  }
}

export class NotFoundError extends HeliokitError {
  static readonly code = 'NOT_FOUND' as const
  declare readonly code: typeof NotFoundError.code
  override name = 'NotFoundError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(NotFoundError.code, message, info)
  }
}

/** 429; `retryAfterMs` holds the server's Retry-After when it sent one. */
export class RateLimitedError extends HeliokitError {
  static readonly code = 'RATE_LIMITED' as const
  declare readonly code: typeof RateLimitedError.code
  override name = 'RateLimitedError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(RateLimitedError.code, message, info)
  }
}

export class TimeoutError extends HeliokitError {
  static readonly code = 'TIMEOUT' as const
  declare readonly code: typeof TimeoutError.code
  override name = 'TimeoutError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(TimeoutError.code, message, info)
  }
}

export class AbortedError extends HeliokitError {
  static readonly code = 'ABORTED' as const
  declare readonly code: typeof AbortedError.code
  override name = 'AbortedError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(AbortedError.code, message, info)
  }
}

/** The caller's input was rejected before anything was sent; `issues` says what and where. */
export class InvalidInputError extends HeliokitError {
  static readonly code = 'INVALID_INPUT' as const
  declare readonly code: typeof InvalidInputError.code
  override name = 'InvalidInputError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(InvalidInputError.code, message, info)
  }
}

/** A response did not have the shape we rely on; `issues` names the fields. */
export class BadResponseError extends HeliokitError {
  static readonly code = 'BAD_RESPONSE' as const
  declare readonly code: typeof BadResponseError.code
  override name = 'BadResponseError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(BadResponseError.code, message, info)
  }
}

/** The service or a needed transport is not available (503, no transport for a scheme). */
export class UnavailableError extends HeliokitError {
  static readonly code = 'UNAVAILABLE' as const
  declare readonly code: typeof UnavailableError.code
  override name = 'UnavailableError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(UnavailableError.code, message, info)
  }
}

export class ConflictError extends HeliokitError {
  static readonly code = 'CONFLICT' as const
  declare readonly code: typeof ConflictError.code
  override name = 'ConflictError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(ConflictError.code, message, info)
  }
}

/** The connection failed or broke before a complete answer arrived. */
export class NetworkError extends HeliokitError {
  static readonly code = 'NETWORK' as const
  declare readonly code: typeof NetworkError.code
  override name = 'NetworkError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(NetworkError.code, message, info)
  }
}

/** Received bytes do not match the expected size or checksum. */
export class IntegrityError extends HeliokitError {
  static readonly code = 'INTEGRITY' as const
  declare readonly code: typeof IntegrityError.code
  override name = 'IntegrityError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(IntegrityError.code, message, info)
  }
}

/** An unexpected failure inside a provider or transport: a bug to report. */
export class InternalError extends HeliokitError {
  static readonly code = 'INTERNAL' as const
  declare readonly code: typeof InternalError.code
  override name = 'InternalError' as const
  constructor(message: string, info?: ErrorInfo) {
    super(InternalError.code, message, info)
  }
}

/** INVALID_INPUT for one named field: the message and the single issue both name it. */
export function invalidField(
  field: string,
  message: string,
  info: Omit<ErrorInfo, 'issues'> = {},
): InvalidInputError {
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

const classForCode = {
  HTTP: HttpError,
  AUTH: AuthError,
  NOT_FOUND: NotFoundError,
  RATE_LIMITED: RateLimitedError,
  TIMEOUT: TimeoutError,
  ABORTED: AbortedError,
  INVALID_INPUT: InvalidInputError,
  BAD_RESPONSE: BadResponseError,
  UNAVAILABLE: UnavailableError,
  CONFLICT: ConflictError,
  NETWORK: NetworkError,
  INTEGRITY: IntegrityError,
  INTERNAL: InternalError,
} as const satisfies Record<ErrorCode, new (message: string, info?: ErrorInfo) => HeliokitError>

const PREFIX = /^\[heliokit\] /

/**
 * Any thrown value as a HeliokitError of `provider`, when given: a HeliokitError that names no provider
 * is raised again as the same class naming it (the original as `cause`). A foreign message may hold a
 * key, so it is kept only as `cause`.
 */
export function toHeliokitError(error: unknown, provider?: string): HeliokitError {
  if (isHeliokitError(error)) {
    if (provider === undefined || error.provider !== undefined) return error
    const { code, message, status, url, retryable, retryAfterMs, issues } = error
    return new classForCode[code](message.replace(PREFIX, ''), {
      provider,
      status,
      url,
      retryable,
      retryAfterMs,
      issues,
      cause: error,
    })
  }
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'AbortError') return new AbortedError('operation aborted', { provider, cause: error })
  if (name === 'TimeoutError')
    return new TimeoutError('operation timed out', { provider, cause: error, retryable: true })
  return new InternalError(`unexpected ${typeof name === 'string' ? name : 'error'} in provider`, {
    provider,
    cause: error,
  })
}
