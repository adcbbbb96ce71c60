import { request } from 'node:http'
import type { Logger } from '@heliokit/core'
import type { RequestHandler } from '@heliokit/testkit'

/** A handler that forwards every request to `target` (an s3rver), so a testkit server can record them. */
export function forwardTo(target: string): RequestHandler {
  return (req, res) =>
    new Promise<void>((resolve, reject) => {
      const upstream = request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          answer.on('end', resolve)
          answer.on('error', reject)
        },
      )
      upstream.on('error', reject)
      req.pipe(upstream)
    })
}

/** A logger that keeps what it is given. */
export function recordingLogger(): {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[]
  logger: Logger
} {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  const at =
    (level: string) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      lines.push({ level, message, fields: fields ? { ...fields } : undefined })
    }
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } }
}

/** Reads a web stream to the end. */
export async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const reader = body.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value)
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
