import type { FaultPlan } from './faults.ts'
import { type RequestHandler, startHttpServer, type TestHttpServer } from './http-server.ts'
import { serveBytes } from './serve-bytes.ts'

export interface FileServerOptions {
  /** Files by URL path (leading `/`). The map may be changed while the server runs. */
  readonly files: Map<string, Uint8Array>
  readonly faults?: FaultPlan
  readonly contentType?: string
}

/** A request handler serving in-memory files, 404 for anything else, with optional faults. */
export function fileHandler(options: FileServerOptions): RequestHandler {
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const body = options.files.get(path)
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
      return
    }
    serveBytes(req, res, body, { contentType: options.contentType, fault: options.faults?.pick(req) })
  }
}

/** Starts a local server for in-memory files. */
export function startFileServer(options: FileServerOptions): Promise<TestHttpServer> {
  return startHttpServer(fileHandler(options))
}
