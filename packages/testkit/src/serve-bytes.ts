import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Fault } from './faults.ts'

export interface ServeOptions {
  readonly contentType?: string
  readonly fault?: Fault
}

const HTML_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>' +
  '<p>The requested URL was not found on this server.</p></body></html>\n'

// One hash per body, not per request: bodies are replaced, never mutated.
const etags = new WeakMap<Uint8Array, string>()

function etagOf(body: Uint8Array): string {
  let etag = etags.get(body)
  if (etag === undefined) {
    etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
    etags.set(body, etag)
  }
  return etag
}

/**
 * Serves `body` as a static file would: HEAD, ETag, Accept-Ranges, single `bytes=` ranges (206/416),
 * with an optional fault injected.
 */
export function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  body: Uint8Array,
  options: ServeOptions = {},
): void {
  const fault = options.fault
  if (fault?.kind === 'hang') return
  if (fault?.kind === 'status') {
    const headers: Record<string, string> = { 'content-type': 'text/plain' }
    if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter
    res.writeHead(fault.status, headers)
    res.end(fault.body ?? `injected ${fault.status}`)
    return
  }
  if (fault?.kind === 'html-200') {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(HTML_ERROR_PAGE.length),
    })
    res.end(req.method === 'HEAD' ? undefined : HTML_ERROR_PAGE)
    return
  }
  const etag = etagOf(body)
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag,
    'last-modified': new Date(Date.UTC(2022, 0, 1)).toUTCString(),
  }
  let status = 200
  let part = body
  const range = parseRange(req.headers.range, body.length)
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${body.length}` })
    res.end()
    return
  }
  const ifRange = req.headers['if-range']
  if (range && (ifRange === undefined || ifRange === etag)) {
    status = 206
    part = body.subarray(range.start, range.end + 1)
    headers['content-range'] = `bytes ${range.start}-${range.end}/${body.length}`
  }
  const declared = fault?.kind === 'wrong-length' ? part.length + fault.delta : part.length
  headers['content-length'] = String(declared)
  res.writeHead(status, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  if (fault?.kind === 'drop') {
    res.write(part.subarray(0, fault.afterBytes ?? Math.floor(part.length / 2)))
    setTimeout(() => res.destroy(), 5)
    return
  }
  if (fault?.kind === 'wrong-length') {
    res.write(part.subarray(0, Math.min(part.length, declared)))
    setTimeout(() => res.destroy(), 5)
    return
  }
  if (fault?.kind === 'slow') {
    writeSlowly(res, part, fault.chunkBytes ?? 1024, fault.delayMs)
    return
  }
  res.end(part)
}

function writeSlowly(res: ServerResponse, body: Uint8Array, chunkBytes: number, delayMs: number): void {
  let offset = 0
  const tick = (): void => {
    if (res.destroyed) return
    const chunk = body.subarray(offset, offset + chunkBytes)
    offset += chunk.length
    if (offset >= body.length) {
      res.end(chunk)
      return
    }
    res.write(chunk)
    setTimeout(tick, delayMs)
  }
  tick()
}

function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}
