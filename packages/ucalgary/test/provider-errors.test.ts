import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHeliokit, isHeliokitError } from '@heliokit/core'
import { onlyFor } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { ucalgary } from '../src/index.ts'
import { abortedDownload } from './helpers/aborted-download.ts'
import { failure } from './helpers/failure.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let h: Harness
let outDir: string
beforeAll(async () => {
  h = await startHarness({
    missingFiles: (path) => path.includes('/fsmi_'),
    dataFaults: onlyFor((path) => path.includes('/inuv_'), { pick: () => ({ kind: 'drop' }) }),
  })
})
afterAll(() => h.close())
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ucalgary-errors-'))
})
afterEach(() => rm(outDir, { recursive: true, force: true }))

function expectOwn(error: unknown, code: string): void {
  expect(isHeliokitError(error), String(error)).toBe(true)
  expect(error).toMatchObject({ code, provider: 'ucalgary' })
  expect((error as Error).message).toMatch(/^\[heliokit\] \[ucalgary\] /)
}

describe('every error names the provider', () => {
  test.each([
    ['"yesterday"', 'yesterday'],
    ['"2022-13-01"', '2022-13-01'],
    ['an invalid Date', new Date(Number.NaN)],
  ])('a start of %s in urls, download and files', async (_, start) => {
    const before = h.emu.api.requests.length
    expectOwn(await failure(h.uc.urls('THEMIS_ASI_RAW', start, '2022-01-02')), 'INVALID_INPUT')
    expectOwn(
      await failure(h.uc.download('THEMIS_ASI_RAW', start, '2022-01-02', { outDir })),
      'INVALID_INPUT',
    )
    expectOwn(await failure(h.uc.urls('THEMIS_ASI_RAW', '2022-01-01', start)), 'INVALID_INPUT')
    const files = async () => h.uc.files('THEMIS_ASI_RAW', start, '2022-01-02')[Symbol.asyncIterator]().next()
    expectOwn(await failure(files()), 'INVALID_INPUT')
    expect(h.emu.api.requests.length).toBe(before)
  })

  test('a bad time in the composed files capability', async () => {
    const hk = createHeliokit({
      providers: [ucalgary({ baseUrl: h.emu.apiUrl })],
      transports: [createHttpTransport()],
    })
    try {
      const outcomes = []
      for await (const o of hk.files({ dataset: 'THEMIS_ASI_RAW', start: '2022-13-01', end: '2022-12-02' })) {
        outcomes.push(o)
      }
      expect(outcomes).toHaveLength(1)
      const [only] = outcomes
      expect(only?.ok).toBe(false)
      if (only && !only.ok) expectOwn(only.error, 'INVALID_INPUT')
    } finally {
      await hk.close()
    }
  })

  test('an abort during download(listing)', async () => {
    expectOwn(await failure(abortedDownload(h.uc, outDir)), 'ABORTED')
  })

  test('per-file errors in the result: an HTML page and a dropped body', async () => {
    const html = await h.uc.download('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:01', {
      site: 'fsmi',
      outDir,
    })
    expect(html.failed).toHaveLength(2)
    for (const f of html.failed) expectOwn(f.error, 'BAD_RESPONSE')
    const dropped = await h.uc.download('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:01', {
      site: 'inuv',
      outDir,
      retry: { limit: 0 },
    })
    expect(dropped.failed).toHaveLength(2)
    for (const f of dropped.failed) {
      expect(['NETWORK', 'INTEGRITY']).toContain(f.error.code)
      expectOwn(f.error, f.error.code)
    }
  })
})
