import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { indexCsv } from '@heliokit/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ScregistryEvent } from '../src/index.ts'
import { collect } from './helpers/collect.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let dir: string
let h: Harness
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scregistry-cache-'))
  h = await startHarness({ cache: dir })
})
afterAll(async () => {
  await h.close()
  await rm(dir, { recursive: true, force: true })
})

const QUERY = {
  dataset: 'EVE_L2',
  bucket: 'gov-nasa-hdrl-data1',
  start: '2014-01-01',
  stop: '2015-01-01',
} as const

async function run(api = h.sc): Promise<{ urls: string[]; events: ScregistryEvent[]; requests: string[] }> {
  const before = h.requests().length
  const events: ScregistryEvent[] = []
  const files = await collect(api.files({ ...QUERY, onEvent: (e) => events.push(e) }))
  return { urls: files.map((f) => f.url), events, requests: h.requests().slice(before) }
}

describe('cache', () => {
  test('a second run revalidates with HEAD and reads nothing again; a changed index is fetched anew', async () => {
    const first = await run()
    expect(first.urls).toHaveLength(3)
    expect(first.events).toEqual([
      { type: 'cache', url: 's3://helio-indexes/eve/l2/EVE_L2_2014.csv', outcome: 'miss' },
    ])
    expect(first.requests).toEqual([
      'HEAD /gov-nasa-hdrl-data1/catalog.json',
      'GET /gov-nasa-hdrl-data1/catalog.json',
      'HEAD /helio-indexes/eve/l2/EVE_L2_2014.csv',
      'GET /helio-indexes/eve/l2/EVE_L2_2014.csv',
    ])

    const second = await run()
    expect(second.urls).toEqual(first.urls)
    expect(second.events.map((e) => e.type === 'cache' && e.outcome)).toEqual(['hit'])
    expect(second.requests).toEqual([
      'HEAD /gov-nasa-hdrl-data1/catalog.json',
      'HEAD /helio-indexes/eve/l2/EVE_L2_2014.csv',
    ])

    // The current year's index grows: the copy is stale and must not be served.
    const grown = indexCsv(
      [
        ...h.net.files.EVE_L2!.map((f) => ({ start: f.start, stop: f.stop, key: f.url, size: f.size })),
        {
          start: '2014-02-04T00:00:00Z',
          stop: '2014-02-05T00:00:00Z',
          key: 's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014035.fit',
          size: 930,
        },
      ],
      { header: 'start,stop,datakey,filesize' },
    )
    await h.net.s3.put('helio-indexes', 'eve/l2/EVE_L2_2014.csv', grown)
    const third = await run()
    expect(third.urls).toHaveLength(4)
    expect(third.urls[3]).toBe('s3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014035.fit')
    expect(third.events.map((e) => e.type === 'cache' && e.outcome)).toEqual(['refreshed'])
    expect(third.requests.filter((r) => r.startsWith('GET'))).toEqual([
      'GET /helio-indexes/eve/l2/EVE_L2_2014.csv',
    ])
  })

  test('refresh fetches everything again and a new provider reuses the folder across runs', async () => {
    const again = await startHarness({ cache: { dir, refresh: true } })
    try {
      const before = again.requests().length
      await collect(again.sc.files(QUERY))
      expect(
        again
          .requests()
          .slice(before)
          .filter((r) => r.startsWith('GET')),
      ).toEqual(['GET /gov-nasa-hdrl-data1/catalog.json', 'GET /helio-indexes/eve/l2/EVE_L2_2014.csv'])
    } finally {
      await again.close()
    }
    const reused = await startHarness({ cache: dir })
    try {
      // Another server with the same bytes: S3 ETags are MD5s of the content, so the copy is current.
      const events: ScregistryEvent[] = []
      const before = reused.requests().length
      await collect(reused.sc.files({ ...QUERY, onEvent: (e) => events.push(e) }))
      expect(events.map((e) => e.type === 'cache' && e.outcome)).toEqual(['hit'])
      expect(
        reused
          .requests()
          .slice(before)
          .filter((r) => r.startsWith('GET')),
      ).toEqual([])
    } finally {
      await reused.close()
    }
  })
})
