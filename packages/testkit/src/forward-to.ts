import { request } from 'node:http'
import type { RequestHandler } from './http-server.ts'

/** A handler that forwards every request to `target` (e.g. an s3rver), so a testkit server can record or alter what passes. */
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
