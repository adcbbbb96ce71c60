import { describe, expect, it } from 'vitest'
import { Http1Parser, ProtocolError, type ResponseHead } from '../src/http1-parser.ts'

interface Parsed {
  heads: ResponseHead[]
  body: string
  completions: boolean[]
}

/**
 * Feeds `wire` to a parser expecting a response to `method`, cut into pieces of `step` bytes; with
 * `reuse`, every piece comes in the same buffer, overwritten after each feed, as a socket reads.
 */
function parse(wire: string, step = wire.length, method = 'GET', end = false, reuse = false): Parsed {
  const out: Parsed = { heads: [], body: '', completions: [] }
  const parser = new Http1Parser({
    head: (head) => out.heads.push(head),
    body: (chunk) => {
      out.body += Buffer.from(chunk).toString('latin1')
    },
    complete: (reusable) => out.completions.push(reusable),
  })
  parser.expect(method)
  const bytes = Buffer.from(wire, 'latin1')
  const shared = Buffer.alloc(step)
  for (let at = 0; at < bytes.length; at += step) {
    const piece = bytes.subarray(at, at + step)
    if (!reuse) {
      parser.feed(piece)
      continue
    }
    piece.copy(shared)
    parser.feed(shared.subarray(0, piece.length))
    shared.fill(0x7e)
  }
  if (end) parser.end()
  return out
}

const chunked =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n' +
  '5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n'

describe('Http1Parser', () => {
  it('reads a Content-Length body and keeps the connection', () => {
    const out = parse('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: "a"\r\n\r\nhello')
    expect(out.heads[0]).toMatchObject({ status: 200, statusText: 'OK', minorVersion: 1 })
    expect(out.heads[0]?.headers).toContainEqual(['etag', '"a"'])
    expect(out.body).toBe('hello')
    expect(out.completions).toEqual([true])
  })

  it('reads a chunked body with extensions and trailers, whatever the piece size', () => {
    for (let step = 1; step <= chunked.length; step++) {
      const out = parse(chunked, step)
      expect(out.body, `pieces of ${step}`).toBe('hello, world')
      expect(out.completions).toEqual([true])
    }
  })

  it('skips interim 1xx responses', () => {
    const out = parse(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n' +
        'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
    )
    expect(out.heads.map((h) => h.status)).toEqual([200])
    expect(out.body).toBe('ok')
  })

  it('expects no body for HEAD, 204 and 304 despite a Content-Length', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n', undefined, 'HEAD').completions).toEqual([
      true,
    ])
    expect(parse('HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n').completions).toEqual([true])
    expect(parse('HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n').completions).toEqual([true])
  })

  it('reads a body without length to the end of the connection, which cannot be reused', () => {
    const out = parse('HTTP/1.1 200 OK\r\n\r\nall of it', 3, 'GET', true)
    expect(out.body).toBe('all of it')
    expect(out.completions).toEqual([false])
  })

  it('does not reuse a connection after Connection: close or an HTTP/1.0 response', () => {
    expect(parse('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').completions).toEqual([
      false,
    ])
    expect(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').completions).toEqual([false])
    expect(
      parse('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n').completions,
    ).toEqual([true])
  })

  it('prefers chunked framing over a Content-Length', () => {
    const wire = chunked.replace(
      'Transfer-Encoding: chunked',
      'Content-Length: 3\r\nTransfer-Encoding: chunked',
    )
    expect(parse(wire).body).toBe('hello, world')
  })

  it('reports a response cut off by the connection closing', () => {
    expect(() => parse('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort', undefined, 'GET', true)).toThrow(
      ProtocolError,
    )
    expect(() => parse('HTTP/1.1 200 OK\r\nContent-', undefined, 'GET', true)).toThrow(ProtocolError)
  })

  it.each([
    ['a bad status line', 'HTTP/2 200 OK\r\n\r\n'],
    ['a folded header', 'HTTP/1.1 200 OK\r\nA: b\r\n c\r\nContent-Length: 0\r\n\r\n'],
    ['a name with a space', 'HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n'],
    ['a bare LF in a value', 'HTTP/1.1 200 OK\r\nA: b\nc\r\n\r\n'],
    ['two different lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'],
    ['a negative length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n'],
    ['a protocol switch', 'HTTP/1.1 101 Switching Protocols\r\n\r\n'],
    ['data after the response', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab'],
  ])('refuses %s', (_name, wire) => {
    expect(() => parse(wire)).toThrow(ProtocolError)
  })

  it('refuses a head larger than 64 KiB, even when it arrives in pieces', () => {
    const wire = `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`
    expect(() => parse(wire, 1000)).toThrow(/too large/)
  })

  it('keeps nothing of a buffer it was fed but copies: the socket reads into it again', () => {
    const wire = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: "a"\r\n\r\nhello'
    for (const step of [1, 7, 20]) {
      const out = parse(wire, step, 'GET', false, true)
      expect(out.heads[0]?.headers).toContainEqual(['etag', '"a"'])
      expect(out.completions).toEqual([true])
      expect(parse(chunked, step, 'GET', false, true).completions).toEqual([true])
    }
  })

  it('accepts a repeated identical Content-Length', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok').body).toBe('ok')
  })
})
