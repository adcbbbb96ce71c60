import { createHeliokit, type DataFile, type TimeInput } from '@heliokit/core'
import { type DownloadResult, download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import { autoindex } from 'heliokit-provider-autoindex'
import { hapi } from 'heliokit-provider-hapi-example'

export interface ComposeOptions {
  /** UCalgary API host; default the real one. */
  readonly ucalgaryUrl?: string
  /** Root of an nginx autoindex archive laid out as `<dataset>/<YYYY>/<MM>/<DD>/`. */
  readonly archiveUrl: string
  /** A HAPI server root, e.g. https://cdaweb.gsfc.nasa.gov/hapi. */
  readonly hapiUrl: string
  readonly outDir: string
  /** Word the datasets should contain. Default `THEMIS`. */
  readonly search?: string
  readonly start: TimeInput
  readonly end: TimeInput
  readonly log?: (line: string) => void
}

export interface ComposeReport {
  /** `provider:id` of every dataset found, and the providers that failed. */
  readonly datasets: readonly string[]
  readonly failedProviders: readonly string[]
  readonly files: readonly DataFile[]
  readonly download: DownloadResult
}

/**
 * One flow across three providers: datasets matching a word from all of them, the files of the ones
 * that list files (UCalgary THEMIS ASI at Gillam, the archive's THEMIS folder), downloaded together.
 */
export async function findListDownload(options: ComposeOptions): Promise<ComposeReport> {
  const log = options.log ?? (() => {})
  const hk = createHeliokit({
    providers: [
      ucalgary({ baseUrl: options.ucalgaryUrl }),
      autoindex({ baseUrl: options.archiveUrl }),
      hapi({ baseUrl: options.hapiUrl }),
    ],
    transports: [createHttpTransport()],
  })
  try {
    const datasets: string[] = []
    const failedProviders: string[] = []
    for await (const outcome of hk.datasets({ text: options.search ?? 'THEMIS' })) {
      if (!outcome.ok) {
        failedProviders.push(outcome.provider)
        log(`${outcome.provider} failed: ${outcome.error.code} ${outcome.error.message}`)
        continue
      }
      datasets.push(`${outcome.provider}:${outcome.value.id}`)
      log(`found ${outcome.provider} ${outcome.value.id}: ${outcome.value.title}`)
    }

    const range = { start: options.start, end: options.end }
    const queries = [
      { provider: 'ucalgary', query: { dataset: 'THEMIS_ASI_RAW', site: 'gill', ...range } },
      { provider: 'autoindex', query: { dataset: 'THEMIS', ...range } },
    ]
    const files: DataFile[] = []
    for (const { provider, query } of queries) {
      for await (const outcome of hk.files(query, { providers: [provider], onError: 'throw' })) {
        if (outcome.ok) files.push(outcome.value)
      }
    }
    log(`${files.length} files from ${new Set(files.map((f) => f.provider)).size} providers`)

    const result = await download(files, { outDir: options.outDir, context: hk.context })
    log(
      `downloaded ${result.files.downloaded}, skipped ${result.files.skipped}, failed ${result.files.failed}`,
    )
    return { datasets, failedProviders, files, download: result }
  } finally {
    await hk.close()
  }
}
