import { aurorax } from '@heliokit/aurorax'
import { createHeliokit, isHeliokitError } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'

export interface AuroraxPageInput {
  readonly baseUrl: string
  readonly start: string
  readonly end: string
}

/** What a browser app sees: data sources, a data product search run to the end with its stages, a refused write. */
export default async function run(input: AuroraxPageInput) {
  const hk = createHeliokit({
    providers: [aurorax({ baseUrl: input.baseUrl, pollInterval: 20 })],
    transports: [createHttpTransport()],
  })
  const ax = hk.provider('aurorax')
  const sources = (await ax.sources.list({ program: 'trex' })).map((s) => s.identifier)
  const stages: string[] = []
  const { records } = await ax.dataProducts.run(
    { start: input.start, end: input.end, programs: ['trex'] },
    { onProgress: (event) => stages.push(event.stage) },
  )
  const write = await ax.sources.delete(sources[0] ?? 0).then(
    () => ({ code: 'none', provider: undefined }),
    (error: unknown) =>
      isHeliokitError(error)
        ? { code: error.code, provider: error.provider }
        : { code: String(error), provider: undefined },
  )
  return {
    sources,
    stages,
    urls: records.map((r) => r.url),
    firstStart: records[0]?.start instanceof Date ? records[0].start.toISOString() : null,
    write,
  }
}
