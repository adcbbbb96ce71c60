import { fileURLToPath } from 'node:url'
import { type AuroraxEmulator, startAuroraxEmulator } from '@heliokit/testkit'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runInBrowser } from '../src/index.ts'
import run from './pages/aurorax-page.ts'

let emulator: AuroraxEmulator
beforeAll(async () => {
  emulator = await startAuroraxEmulator({ searchDelayMs: 50 })
})
afterAll(async () => {
  await emulator.close()
})

const REPO = fileURLToPath(new URL('../../../', import.meta.url))

test('a vite-bundled page runs an AuroraX data product search in Chromium, as Node does', async () => {
  const input = { baseUrl: emulator.url, start: '2020-02-01T00:00', end: '2020-02-01T23:59' }
  const { outcome, modules, pageErrors } = await runInBrowser<Awaited<ReturnType<typeof run>>>({
    entry: fileURLToPath(new URL('./pages/aurorax-page.ts', import.meta.url)),
    input,
  })
  // The same page function run in Node gives the answers the browser must see.
  const node = await run(input)

  // Chromium logs the refused write's 401 itself; nothing else may fail.
  expect(pageErrors).toEqual([
    'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
  ])
  if (!outcome.ok) throw new Error(`the page failed: ${JSON.stringify(outcome.error)}`)
  expect(outcome.value.urls.length).toBeGreaterThan(0)
  // Whether a poll still finds the search running ('waiting'), and how often, depends on timing.
  const { stages, ...answers } = outcome.value
  const { stages: nodeStages, ...nodeAnswers } = node
  expect(answers).toEqual(nodeAnswers)
  const settled = (list: string[]) => new Set(list.filter((stage) => stage !== 'waiting'))
  expect(settled(stages)).toEqual(settled(nodeStages))
  expect(stages).toEqual(expect.arrayContaining(['submitted', 'available', 'retrieved']))
  expect(outcome.value.write).toMatchObject({ code: 'AUTH', provider: 'aurorax' })
  const bundled = modules.map((id) => id.replace(REPO, ''))
  expect(bundled.some((id) => id.startsWith('packages/aurorax/'))).toBe(true)
  expect(bundled.filter((id) => /node:|__vite-browser-external|(^|\/)undici\//.test(id))).toEqual([])
})
