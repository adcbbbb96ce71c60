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
