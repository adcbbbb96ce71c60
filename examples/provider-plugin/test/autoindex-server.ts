import {
  deterministicBytes,
  sendJson,
  serveBytes,
  startHttpServer,
  type TestHttpServer,
} from '@heliokit/testkit'

export interface AutoindexServerOptions {
  /** Files per day folder. Default 3. */
  readonly filesPerDay?: number
  /** Days with data, `YYYY-MM-DD`. Default 2022-01-01 and 2022-01-02. */
  readonly days?: readonly string[]
  readonly datasets?: readonly string[]
}

/** An nginx-like server: `autoindex_format json` listings for `<dataset>/<YYYY>/<MM>/<DD>/`, and the files. */
export async function startAutoindexServer(options: AutoindexServerOptions = {}): Promise<TestHttpServer> {
  const perDay = options.filesPerDay ?? 3
  const days = (options.days ?? ['2022-01-01', '2022-01-02']).map((d) => d.split('-'))
  const names = options.datasets ?? ['THEMIS', 'SWARM']
  const mtime = 'Sat, 01 Jan 2022 00:00:00 GMT'
  const dir = (name: string) => ({ name, type: 'directory', mtime })
  const fileName = (dataset: string, day: string[], i: number) => `${dataset}_${day.join('')}_${i}.cdf`
  const size = (name: string) => 1000 + ((name.length * 37) % 500)
  return startHttpServer((req, res) => {
    const parts = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      .split('/')
      .filter(Boolean)
    const folder = (req.url ?? '').split('?')[0]!.endsWith('/')
    const [dataset, y, m, d, file] = parts
    if (dataset !== undefined && !names.includes(dataset)) return sendJson(res, 404, { error: 'not found' })
    if (folder && parts.length === 0) return sendJson(res, 200, names.map(dir))
    const matching = days.filter((day) => [y, m, d].every((p, i) => p === undefined || p === day[i]))
    if (matching.length === 0) return sendJson(res, 404, { error: 'not found' })
    if (folder && parts.length < 4) {
      const level = parts.length - 1
      return sendJson(res, 200, [...new Set(matching.map((day) => day[level]!))].map(dir))
    }
    const day = matching[0]!
    const files = Array.from({ length: perDay }, (_, i) => fileName(dataset!, day, i))
    if (folder && parts.length === 4) {
      return sendJson(
        res,
        200,
        files.map((name) => ({ name, type: 'file', mtime, size: size(name) })),
      )
    }
    if (file && files.includes(file)) return serveBytes(req, res, deterministicBytes(file, size(file)))
    sendJson(res, 404, { error: 'not found' })
  })
}
