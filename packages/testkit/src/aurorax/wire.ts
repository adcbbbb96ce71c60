import type { IncomingMessage, ServerResponse } from 'node:http'

/** A reply from a route: status, body (JSON unless a string is sent as text) and extra headers. */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** An AuroraX error document: `{ error_code, error_message }`. */
export function fail(status: number, code: string, message: string): Reply {
  return { status, body: { error_code: code, error_message: message } }
}

/** Thrown by route helpers to answer with an error reply. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(String((reply.body as { error_message?: string } | undefined)?.error_message ?? reply.status))
  }
}

export function refuse(status: number, code: string, message: string): never {
  throw new ReplyError(fail(status, code, message))
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]00:?00)?$/

/** Milliseconds of a wire time (`YYYY-MM-DDTHH:MM:SS`, date-only, fractions, `Z`); naive times are UTC. */
export function parseWireTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = TIME.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +frac.padEnd(3, '0').slice(0, 3))
  return Number.isNaN(ms) ? undefined : ms
}

/** `YYYY-MM-DDTHH:MM:SS`, UTC, no zone: how AuroraX writes record times. */
export function wireTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19)
}

export function wireDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

// Limit for request bodies: an upload chunk of 500 records is far below it.
const MAX_BODY = 64 * 1024 * 1024

/** The request body parsed as JSON; undefined when empty, a 400 reply when malformed. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) refuse(413, 'PAYLOAD_TOO_LARGE', 'request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return refuse(400, 'VALIDATION_ERROR', 'request body is not valid JSON')
  }
}

/** The CORS headers the real API sends, so browser pages may call it with an API key. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'accept, content-type, x-aurorax-api-key',
  'access-control-expose-headers': 'location, content-length',
  'access-control-max-age': '600',
}

/** Writes a reply: JSON for objects, text for strings, no body for undefined; CORS headers always. */
export function send(res: ServerResponse, reply: Reply): void {
  const text =
    reply.body === undefined
      ? ''
      : typeof reply.body === 'string' && reply.headers?.['content-type']
        ? reply.body
        : JSON.stringify(reply.body)
  const headers: Record<string, string> = { ...CORS_HEADERS, ...reply.headers }
  if (text !== '') headers['content-type'] ??= 'application/json'
  headers['content-length'] = String(Buffer.byteLength(text))
  res.writeHead(reply.status, headers)
  res.end(text)
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}
