/** The start of one response: status line and header fields, in order. */
export interface ResponseHead {
  /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
  readonly minorVersion: number
  readonly status: number
  readonly statusText: string
  readonly headers: readonly (readonly [name: string, value: string])[]
}

export interface ParserEvents {
  /** The final (non-1xx) head of the response. */
  head(head: ResponseHead): void
  /** A slice of the body: a view of the buffer being fed, not a copy, valid during the call. */
  body(chunk: Uint8Array): void
  /** The whole response has arrived; `reusable` when the connection may carry another request. */
  complete(reusable: boolean): void
}

/** A response the parser cannot make sense of; the connection must be closed. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

const MAX_HEAD_BYTES = 64 * 1024
const MAX_CHUNK_LINE = 1024
// Field values may hold tabs but no other control characters (a bare CR or LF among them).
const hasControl = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true
  }
  return false
}
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/

type Framing =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; left: number }
  | { readonly kind: 'chunked' }
  | { readonly kind: 'close' }

type ChunkState = 'size' | 'data' | 'data-end' | 'trailers'

/**
 * An HTTP/1.1 response reader for one connection, fed the socket's buffers as they come. Body bytes
 * are handed on as views of those buffers: node:http copies every body chunk, which costs more CPU
 * than the rest of a download. Framing follows RFC 9112 section 6.3 (1xx skipped; HEAD, 204 and 304
 * have no body; chunked beats Content-Length; otherwise the body runs to the end of the connection).
 */
export class Http1Parser {
  private readonly on: ParserEvents
  private state: 'idle' | 'head' | 'body' = 'idle'
  private noBody = false
  private pending: Buffer | undefined
  private framing: Framing = { kind: 'none' }
  private persistent = true
  private chunkState: ChunkState = 'size'
  private chunkLeft = 0

  constructor(events: ParserEvents) {
    this.on = events
  }

  /** Prepares for the response to a request sent with `method`. */
  expect(method: string): void {
    this.state = 'head'
    this.noBody = method === 'HEAD'
    this.pending = undefined
  }

  /** Whether a response is under way (its head or body not complete). */
  get busy(): boolean {
    return this.state !== 'idle'
  }

  feed(data: Buffer): void {
    let rest: Buffer | undefined = data
    while (rest && rest.length > 0) {
      if (this.state === 'idle') throw new ProtocolError('data received with no request outstanding')
      rest = this.state === 'head' ? this.readHead(rest) : this.readBody(rest)
    }
  }

  /** The connection ended: completes a body that runs to the close, or reports a cut-off response. */
  end(): void {
    if (this.state === 'body' && this.framing.kind === 'close') {
      this.finish(false)
      return
    }
    if (this.state !== 'idle') throw new ProtocolError('connection closed before the response ended')
  }

  private readHead(data: Buffer): Buffer | undefined {
    const buffer = this.pending ? Buffer.concat([this.pending, data]) : data
    const end = buffer.indexOf('\r\n\r\n', 0, 'latin1')
    if (end < 0) {
      if (buffer.length > MAX_HEAD_BYTES) throw new ProtocolError('response head too large')
      // kept past this call, so a copy: the socket's buffer will be read into again
      this.pending = buffer === data ? Buffer.from(data) : buffer
      return undefined
    }
    if (end > MAX_HEAD_BYTES) throw new ProtocolError('response head too large')
    this.pending = undefined
    const head = parseHead(buffer.toString('latin1', 0, end))
    const rest = buffer.subarray(end + 4)
    // Interim responses (100 Continue, 103 Early Hints) precede the real one.
    if (head.status < 200) {
      if (head.status === 101) throw new ProtocolError('unexpected protocol switch')
      return rest
    }
    this.framing =
      this.noBody || head.status === 204 || head.status === 304 ? { kind: 'none' } : framing(head)
    this.persistent = this.framing.kind !== 'close' && isPersistent(head)
    this.on.head(head)
    if (this.framing.kind === 'none' || (this.framing.kind === 'length' && this.framing.left === 0)) {
      this.finish(this.persistent)
      return rest
    }
    this.state = 'body'
    this.chunkState = 'size'
    return rest
  }

  private readBody(data: Buffer): Buffer | undefined {
    const f = this.framing
    if (f.kind === 'close') {
      this.on.body(data)
      return undefined
    }
    if (f.kind === 'length') {
      const take = Math.min(f.left, data.length)
      f.left -= take
      this.on.body(take === data.length ? data : data.subarray(0, take))
      if (f.left === 0) this.finish(this.persistent)
      return take === data.length ? undefined : data.subarray(take)
    }
    return this.readChunked(data)
  }

  private readChunked(data: Buffer): Buffer | undefined {
    let at = 0
    while (at < data.length && this.state === 'body') {
      if (this.chunkState === 'data') {
        const take = Math.min(this.chunkLeft, data.length - at)
        this.on.body(data.subarray(at, at + take))
        at += take
        this.chunkLeft -= take
        if (this.chunkLeft === 0) this.chunkState = 'data-end'
        continue
      }
      const line = this.readLine(data, at)
      if (line === undefined) return undefined
      at = line.next
      if (this.chunkState === 'data-end') {
        if (line.text !== '') throw new ProtocolError('missing CRLF after a chunk')
        this.chunkState = 'size'
      } else if (this.chunkState === 'size') {
        const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line.text)
        if (!size) throw new ProtocolError('invalid chunk size')
        this.chunkLeft = Number.parseInt(size[1] as string, 16)
        this.chunkState = this.chunkLeft === 0 ? 'trailers' : 'data'
      } else if (line.text === '') {
        this.finish(this.persistent)
      }
      // other trailer fields are read and dropped
    }
    return at < data.length ? data.subarray(at) : undefined
  }

  /** One CRLF-terminated line of the chunked framing, carrying a partial line over to the next buffer. */
  private readLine(data: Buffer, at: number): { text: string; next: number } | undefined {
    const joined = this.pending ? Buffer.concat([this.pending, data.subarray(at)]) : data.subarray(at)
    const end = joined.indexOf('\r\n', 0, 'latin1')
    if (end < 0 || end > MAX_CHUNK_LINE) {
      if (joined.length > MAX_CHUNK_LINE) throw new ProtocolError('chunk framing line too long')
      this.pending = Buffer.from(joined)
      return undefined
    }
    const carried = this.pending?.length ?? 0
    this.pending = undefined
    return { text: joined.toString('latin1', 0, end), next: at + end + 2 - carried }
  }

  private finish(reusable: boolean): void {
    this.state = 'idle'
    this.on.complete(reusable)
  }
}

function parseHead(text: string): ResponseHead {
  const lines = text.split('\r\n')
  const status = STATUS_LINE.exec(lines[0] ?? '')
  if (!status) throw new ProtocolError('invalid status line')
  const headers: [string, string][] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string
    const colon = line.indexOf(':')
    const name = line.slice(0, colon)
    // Folded lines (obsolete) and names with spaces are refused, as RFC 9112 asks of clients.
    const value = line.slice(colon + 1).trim()
    if (colon <= 0 || !TOKEN.test(name) || hasControl(value)) throw new ProtocolError('invalid header line')
    headers.push([name.toLowerCase(), value])
  }
  return { minorVersion: Number(status[1]), status: Number(status[2]), statusText: status[3] ?? '', headers }
}

/** The comma-separated values of every field called `name`. */
function values(head: ResponseHead, name: string): string[] {
  const out: string[] = []
  for (const [n, v] of head.headers) if (n === name) out.push(...v.split(','))
  return out
}

function isPersistent(head: ResponseHead): boolean {
  const connection = values(head, 'connection').map((v) => v.trim().toLowerCase())
  return head.minorVersion === 0 ? connection.includes('keep-alive') : !connection.includes('close')
}

function framing(head: ResponseHead): Framing {
  const codings = values(head, 'transfer-encoding').map((v) => v.trim().toLowerCase())
  if (codings.length > 0) return codings.at(-1) === 'chunked' ? { kind: 'chunked' } : { kind: 'close' }
  const lengths = new Set(values(head, 'content-length').map((v) => v.trim()))
  if (lengths.size === 0) return { kind: 'close' }
  const [length] = lengths
  if (lengths.size > 1 || !/^\d{1,15}$/.test(length as string)) {
    throw new ProtocolError('invalid Content-Length')
  }
  return { kind: 'length', left: Number(length) }
}
