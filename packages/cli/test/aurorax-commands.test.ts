import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AURORAX_TEST_KEYS, type AuroraxEmulator, startAuroraxEmulator } from '@heliokit/testkit'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { tempDir } from './helpers/temp-dir.ts'

let aurorax: AuroraxEmulator
let dir: { path: string; remove: () => Promise<void> }
let env: Record<string, string>
beforeAll(async () => {
  aurorax = await startAuroraxEmulator()
  dir = await tempDir()
  env = { AURORAX_BASE_URL: aurorax.url, XDG_CONFIG_HOME: dir.path }
})
afterAll(async () => {
  await aurorax.close()
  await dir.remove()
})

const day = ['--start', '2020-02-01T00:00', '--end', '2020-02-01T23:59']

test('aurorax sources list and get', async () => {
  const list = ndjson(
    (await runCli(['aurorax', 'sources', 'list', '--program', 'trex', '--ndjson'], { env })).stdout,
  )
  expect(list.map((s) => s.platform)).toEqual(['gillam', 'rabbit lake', 'fort smith', 'lucky lake'])
  const one = JSON.parse((await runCli(['aurorax', 'sources', 'get', '1', '--json'], { env })).stdout)
  expect(one).toMatchObject({ identifier: 1, program: 'trex', platform: 'gillam', instrumentType: 'RGB ASI' })
})

test('aurorax search from options or --from-json gives the same records; describe and availability', async () => {
  const byOptions = await runCli(
    [
      'aurorax',
      'search',
      'data-products',
      ...day,
      '--platform',
      'gillam',
      '--data-product-type',
      'keogram',
      '--ndjson',
    ],
    { env },
  )
  expect(byOptions.code).toBe(0)
  const records = ndjson(byOptions.stdout)
  expect(records.length).toBeGreaterThan(0)
  expect(records.every((r) => r.dataProductType === 'keogram')).toBe(true)
  const query = join(dir.path, 'query.json')
  await writeFile(query, JSON.stringify({ platforms: ['gillam'], dataProductTypes: ['keogram'] }))
  const fromJson = await runCli(
    ['aurorax', 'search', 'data-products', ...day, '--from-json', query, '--ndjson'],
    { env },
  )
  expect(ndjson(fromJson.stdout)).toEqual(records)
  const described = JSON.parse(
    (await runCli(['aurorax', 'describe', 'ephemeris', ...day, '--platform', 'swarma', '--json'], { env }))
      .stdout,
  )
  expect(described.description).toMatch(/platform in \('swarma'\)/)
  const days = ndjson(
    (
      await runCli(
        [
          'aurorax',
          'availability',
          'ephemeris',
          '--start',
          '2020-02-01',
          '--end',
          '2020-02-02',
          '--platform',
          'swarma',
          '--ndjson',
        ],
        { env },
      )
    ).stdout,
  )
  expect(days).toEqual([
    { identifier: 5, platform: 'swarma', instrumentType: 'footprint', day: '2020-02-01', records: 1440 },
    { identifier: 5, platform: 'swarma', instrumentType: 'footprint', day: '2020-02-02', records: 1440 },
  ])
  const conjunctions = await runCli(
    [
      'aurorax',
      'search',
      'conjunctions',
      '--start',
      '2020-02-01T00:00',
      '--end',
      '2020-02-01T06:00',
      '--ground',
      'gillam',
      '--space',
      'swarma',
      '--distance',
      '500',
      '--ndjson',
    ],
    { env },
  )
  expect(ndjson(conjunctions.stdout).every((c) => (c.minDistance as number) <= 500)).toBe(true)
})

test('add a source, upload ephemeris (CSV) and data products (JSON), find them, delete them', async () => {
  const admin = { ...env, AURORAX_API_KEY: AURORAX_TEST_KEYS.administrator }
  const added = await runCli(
    [
      'aurorax',
      'sources',
      'add',
      '--program',
      'cli-test',
      '--platform',
      'site-a',
      '--instrument-type',
      'camera',
      '--source-type',
      'ground',
      '--display-name',
      'CLI test',
      '--json',
    ],
    { env: admin },
  )
  expect(added.code).toBe(0)
  const id = String(JSON.parse(added.stdout).identifier)
  const csv = join(dir.path, 'ephemeris.csv')
  await writeFile(
    csv,
    'epoch,geo_lat,geo_lon,nbtrace_lat,nbtrace_lon,metadata.quality\n2020-03-01T00:00,51,-114,51.5,-114.5,good\n2020-03-01T00:01,51,-114,51.5,-114.5,ok\n',
  )
  const eph = await runCli(['aurorax', 'upload', 'ephemeris', id, csv, '--json'], { env: admin })
  expect(JSON.parse(eph.stdout)).toMatchObject({ stored: 2 })
  const products = join(dir.path, 'products.json')
  await writeFile(
    products,
    JSON.stringify([
      {
        dataProductType: 'keogram',
        start: '2020-03-01T00:00',
        end: '2020-03-01T23:59',
        url: 'https://example.org/k.jpg',
      },
    ]),
  )
  const dp = await runCli(['aurorax', 'upload', 'data-products', id, products, '--json'], { env: admin })
  expect(JSON.parse(dp.stdout)).toMatchObject({ stored: 1 })
  const found = ndjson(
    (
      await runCli(
        [
          'aurorax',
          'search',
          'ephemeris',
          '--start',
          '2020-03-01T00:00',
          '--end',
          '2020-03-01T00:05',
          '--program',
          'cli-test',
          '--ndjson',
        ],
        { env },
      )
    ).stdout,
  )
  expect(
    found.map((r) => [
      r.epoch,
      (r.nbtrace as { lat: number }).lat,
      (r.metadata as { quality: string }).quality,
    ]),
  ).toEqual([
    ['2020-03-01T00:00:00.000Z', 51.5, 'good'],
    ['2020-03-01T00:01:00.000Z', 51.5, 'ok'],
  ])
  expect(
    (
      await runCli(['aurorax', 'delete', 'ephemeris', id, '--start', '2020-03-01', '--end', '2020-03-02'], {
        env: admin,
      })
    ).code,
  ).toBe(0)
  expect(
    (
      await runCli(['aurorax', 'delete', 'data-products', id, '--url', 'https://example.org/k.jpg'], {
        env: admin,
      })
    ).code,
  ).toBe(0)
  expect((await runCli(['aurorax', 'sources', 'delete', id], { env: admin })).code).toBe(0)
  const gone = await runCli(['aurorax', 'sources', 'get', id], { env })
  expect(gone.code).toBe(1)
  expect(gone.stderr).toMatch(/^heliokit: NOT_FOUND \[aurorax\]/)
})

test('API keys never appear: refused calls, verbose errors, config; from the environment or a config file', async () => {
  const key = AURORAX_TEST_KEYS.user
  const refused = await runCli(['aurorax', 'sources', 'delete', '1', '--verbose'], {
    env: { ...env, AURORAX_API_KEY: key },
  })
  expect(refused.code).toBe(1)
  expect(refused.stderr).toMatch(
    /^heliokit: AUTH \[aurorax\] .*403.* \(check the API key in providers\.aurorax/,
  )
  const wrong = 'axk-not-a-real-key-0000'
  const unknown = await runCli(['aurorax', 'sources', 'delete', '1', '--verbose'], {
    env: { ...env, AURORAX_API_KEY: wrong },
  })
  expect(unknown.stderr).toMatch(/^heliokit: AUTH .*401/)
  const project = join(dir.path, 'keys')
  await mkdir(project, { recursive: true })
  await writeFile(
    join(project, 'heliokit.config.json'),
    JSON.stringify({ providers: { aurorax: { apiKey: key } } }),
  )
  const config = await runCli(['config', '--ndjson'], { env, cwd: project })
  expect(ndjson(config.stdout).find((s) => s.name === 'apiKey')).toMatchObject({
    value: '***',
    provider: 'aurorax',
  })
  const table = await runCli(['config'], { env: { ...env, AURORAX_API_KEY: wrong }, cwd: project })
  for (const run of [refused, unknown, config, table]) {
    for (const secret of [key, wrong]) {
      expect(run.stdout).not.toContain(secret)
      expect(run.stderr).not.toContain(secret)
    }
  }
})
