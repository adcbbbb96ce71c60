import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { providerConformance } from '@heliokit/core/testing'
import { onlyFor, startUcalgaryEmulator, type UcalgaryEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, test } from 'vitest'
import { type UcalgaryApi, type UcalgaryDownloadOptions, ucalgary } from '../src/index.ts'
import { abortedDownload } from './helpers/aborted-download.ts'

let emu: UcalgaryEmulator
let failing: UcalgaryEmulator
let outDir: string
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ucalgary-conformance-'))
  emu = await startUcalgaryEmulator({
    missingFiles: (path) => path.includes('/fsmi_'),
    dataFaults: onlyFor((path) => path.includes('/inuv_'), { pick: () => ({ kind: 'drop' }) }),
  })
  failing = await startUcalgaryEmulator({ faults: { pick: () => ({ kind: 'status', status: 500 }) } })
})
afterAll(async () => {
  await emu.close()
  await failing.close()
  await rm(outDir, { recursive: true, force: true })
})

const MINUTES = ['THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:01'] as const

/** Downloads two minutes at a site into a fresh folder. */
async function downloadAt(api: UcalgaryApi, site: string, options: UcalgaryDownloadOptions = {}) {
  const dir = await mkdtemp(join(outDir, `${site}-`))
  return api.download(...MINUTES, { site, outDir: dir, retry: { limit: 0 }, ...options })
}

providerConformance(test, {
  create: () => ucalgary({ baseUrl: emu.apiUrl }),
  createFailing: () => ucalgary({ baseUrl: failing.apiUrl, timeout: 5000 }),
  transports: () => [createHttpTransport({ retry: { limit: 0 } })],
  requestCount: () => emu.api.requests.length,
  apiErrors: {
    'urls with a start of "yesterday"': {
      expect: 'throws',
      run: (api) => api.urls('THEMIS_ASI_RAW', 'yesterday', '2022-01-01'),
    },
    'download with an end of "2022-13-01"': {
      expect: 'throws',
      run: (api) => api.download('THEMIS_ASI_RAW', '2022-01-01', '2022-13-01', { outDir }),
    },
    'files with an invalid Date': {
      expect: 'throws',
      run: async (api) => api.files('THEMIS_ASI_RAW', new Date(Number.NaN), '2022-01-01'),
    },
    'an abort during download(listing)': {
      expect: 'throws',
      run: async (api) => abortedDownload(api, await mkdtemp(join(outDir, 'abort-'))),
    },
    'download of files answered with an HTML page': {
      expect: 'result',
      run: (api) => downloadAt(api, 'fsmi'),
    },
    'download of files whose bodies are cut': { expect: 'result', run: (api) => downloadAt(api, 'inuv') },
  },
  fixtures: {
    datasetQuery: { text: 'THEMIS' },
    invalidDatasetQuery: { text: 'no spaces allowed' },
    fileQuery: {
      dataset: 'THEMIS_ASI_RAW',
      start: '2022-01-01T06:00',
      end: '2022-01-01T07:00',
      site: 'gill',
    },
    invalidFileQuery: { dataset: 'THEMIS_ASI_RAW', start: '2022-01-02', end: '2022-01-01' },
  },
})
