import { createHeliokit, outcomeValues } from '@heliokit/core'
import { type AuroraxEmulator, startAuroraxEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { aurorax } from '../src/index.ts'

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

let emu: AuroraxEmulator
let hk: ReturnType<typeof createHeliokit>
beforeAll(async () => {
  emu = await startAuroraxEmulator({ searchDelayMs: 10 })
  hk = createHeliokit({
    providers: [aurorax({ baseUrl: emu.url, pollInterval: 5 })],
    transports: [createHttpTransport()],
  })
})
afterAll(async () => {
  await hk.close()
  await emu.close()
})

test('datasets() lists data sources as DatasetInfo, filtered by text', async () => {
  const found = await collect(outcomeValues(hk.datasets({ text: 'lake' })))
  expect(found.map((d) => [d.id, d.title])).toEqual([
    ['2', 'TREx RGB RABB'],
    ['4', 'TREx RGB LUCK'],
  ])
  expect(found[0]).toMatchObject({
    provider: 'aurorax',
    description: 'trex / rabbit lake / RGB ASI (ground)',
  })
})

test('files() yields a source’s data products as https DataFiles over a half-open range', async () => {
  const files = await collect(
    outcomeValues(
      hk.files({
        dataset: '3',
        start: '2020-02-03T00:00',
        end: '2020-02-03T05:00',
        dataProductTypes: ['movie', 'keogram'],
      }),
    ),
  )
  // the day's keogram (starts 00:00) and the 02, 03 and 04 UT movies; the 05 UT movie starts at `end`
  expect(files.map((f) => f.metadata.dataProductType)).toEqual(['keogram', 'movie', 'movie', 'movie'])
  const movie = files[1]!
  expect(movie.url).toMatch(/^https:\/\/data\.phys\.ucalgary\.ca\/sort_by_project\/TREx\/RGB\/stream3\//)
  expect(movie.path).toBe(
    'data.phys.ucalgary.ca/sort_by_project/TREx/RGB/stream3/2020/02/03/fsmi_rgb-04/ut02/20200203_02_fsmi_rgb-04_full.mp4',
  )
  expect(movie.start?.toISOString()).toBe('2020-02-03T02:00:00.000Z')
  expect(movie.stop?.toISOString()).toBe('2020-02-03T02:59:00.000Z')
  expect(movie).toMatchObject({ provider: 'aurorax', dataset: '3', metadata: { site_uid: 'fsmi' } })
})
