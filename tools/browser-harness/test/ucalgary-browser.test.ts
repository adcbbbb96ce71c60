import { fileURLToPath } from 'node:url'
import { createHeliokit } from '@heliokit/core'
import { startUcalgaryEmulator, type UcalgaryEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runInBrowser } from '../src/index.ts'
import type run from './pages/ucalgary-page.ts'

let emulator: UcalgaryEmulator
beforeAll(async () => {
  emulator = await startUcalgaryEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const HOUR = { dataset: 'THEMIS_ASI_RAW', start: '2022-01-01T06:00', end: '2022-01-01T06:59' }

test('a vite-bundled page lists UCalgary datasets and an hour of file URLs in Chromium', async () => {
  const { outcome, modules, pageErrors } = await runInBrowser<Awaited<ReturnType<typeof run>>>({
    entry: fileURLToPath(new URL('./pages/ucalgary-page.ts', import.meta.url)),
    input: { apiUrl: emulator.apiUrl, ...HOUR },
  })
  // The same calls in Node give the answers the browser must see.
  const hk = createHeliokit({
    providers: [ucalgary({ baseUrl: emulator.apiUrl })],
    transports: [createHttpTransport()],
  })
  const node = hk.provider('ucalgary')
  const expectedDatasets = (await node.datasets()).map((d) => d.name)
  const expectedUrls = (await node.urls(HOUR.dataset, HOUR.start, HOUR.end)).urls
  await hk.close()

  expect(pageErrors).toEqual([])
  if (!outcome.ok) throw new Error(`the page failed: ${JSON.stringify(outcome.error)}`)
  expect(outcome.value.datasets).toContain('THEMIS_ASI_RAW')
  expect(outcome.value.datasets).toEqual(expectedDatasets)
  expect(outcome.value.urls.length).toBeGreaterThan(0)
  expect(outcome.value.urls).toEqual(expectedUrls)
  expect(outcome.value.download).toMatchObject({ code: 'UNAVAILABLE', provider: 'ucalgary' })
  expect(outcome.value.download.message).toMatch(/^\[heliokit\] \[ucalgary\] download\(\) .*only in Node/)
  // A proxy or CA the browser cannot apply is refused, not ignored.
  expect(outcome.value.nodeOnly).toEqual([
    { code: 'INVALID_INPUT', message: expect.stringMatching(/proxy: Node only/) },
    { code: 'INVALID_INPUT', message: expect.stringMatching(/extraCaCerts: Node only/) },
  ])
  // Browser entries only: no Node module, no undici, no @heliokit/download.
  const bundled = modules.map((id) => id.replace(REPO, ''))
  expect(bundled).toContain('packages/ucalgary/dist/download/download-listing.browser.js')
  expect(
    bundled.filter((id) => /node:|__vite-browser-external|(^|\/)undici\/|packages\/download\//.test(id)),
  ).toEqual([])
})
