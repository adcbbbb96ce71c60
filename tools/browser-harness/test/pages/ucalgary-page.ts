import { createHeliokit, isHeliokitError } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'

export interface UcalgaryPageInput {
  readonly apiUrl: string
  readonly dataset: string
  readonly start: string
  readonly end: string
}

/** What a browser app sees: dataset names, an hour of file URLs, and what download() says. */
export default async function run(input: UcalgaryPageInput) {
  const hk = createHeliokit({
    providers: [ucalgary({ baseUrl: input.apiUrl })],
    transports: [createHttpTransport()],
  })
  const api = hk.provider('ucalgary')
  const datasets = (await api.datasets()).map((d) => d.name)
  const listing = await api.urls(input.dataset, input.start, input.end)
  const download = await api.download(input.dataset, input.start, input.end).then(
    () => ({ code: 'none', provider: undefined, message: 'download resolved' }),
    (error: unknown) =>
      isHeliokitError(error)
        ? { code: error.code, provider: error.provider, message: error.message }
        : { code: 'not a HeliokitError', provider: undefined, message: String(error) },
  )
  const nodeOnly = [{ proxy: 'http://proxy.example:3128' }, { extraCaCerts: 'not read' }].map((options) => {
    try {
      createHttpTransport(options)
      return { code: 'none', message: 'created' }
    } catch (error) {
      return isHeliokitError(error)
        ? { code: error.code, message: error.message }
        : { code: 'not a HeliokitError', message: String(error) }
    }
  })
  return { datasets, urls: listing.urls, download, nodeOnly }
}
