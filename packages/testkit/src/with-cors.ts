import type { RequestHandler } from './http-server.ts'

/**
 * `handler` answering browsers from any origin, as the public services do: a preflight (OPTIONS) gets
 * 204 with the method and headers it asked for; every response allows any origin and exposes its headers.
 */
export function withCors(handler: RequestHandler): RequestHandler {
  return (req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-expose-headers', '*')
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
        'content-length': '0',
      })
      res.end()
      return
    }
    return handler(req, res)
  }
}
