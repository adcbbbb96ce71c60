import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { useServices } from './helpers/services.ts'
import { tempDir } from './helpers/temp-dir.ts'

const services = useServices()

const aia = ['AIA_0094', '--start', '2010-01-01', '--end', '2012-01-01']

test('scregistry registry, catalog and search', async () => {
  const env = services.env
  const registry = ndjson((await runCli(['scregistry', 'registry', '--ndjson'], { env })).stdout)
  expect(registry.map((b) => b.endpoint)).toContain('s3://gov-nasa-hdrl-data1/')
  const catalog = await runCli(['scregistry', 'catalog', 'gov-nasa-hdrl-data1', '--json'], { env })
  expect(JSON.parse(catalog.stdout).map((e: { id: string }) => e.id)).toContain('AIA_0094')
  const search = ndjson((await runCli(['scregistry', 'search', 'solar', 'wind', '--ndjson'], { env })).stdout)
  expect(search[0]).toMatchObject({ entry: { id: expect.any(String) }, score: expect.any(Number) })
  expect(search.map((h) => (h.entry as { id: string }).id)).toContain('ACE_SWE_NOHEADER')
})

test('scregistry files lists the yearly indexes; stream writes the files to stdout in order', async () => {
  const expected = services.network.files.AIA_0094!.filter((f) => f.start < '2012-01-01')
  const files = ndjson(
    (await runCli(['scregistry', 'files', ...aia, '--ndjson'], { env: services.env })).stdout,
  )
  expect(files.map((f) => f.url)).toEqual(expected.map((f) => f.url))
  const stream = await runCli(['scregistry', 'stream', ...aia], { env: services.env })
  expect(stream.code).toBe(0)
  expect(stream.bytes.length).toBe(expected.reduce((n, f) => n + f.size, 0))
  let offset = 0
  for (const f of expected) {
    const part = stream.bytes.subarray(offset, offset + f.size)
    expect(createHash('sha256').update(part).digest('hex')).toBe(f.sha256)
    offset += f.size
  }
})

test('download from scregistry (s3:// through the emulator) verifies the checksums it lists', async () => {
  const dir = await tempDir()
  try {
    const run = await runCli(['download', 'scregistry', ...aia, '--out', dir.path, '--json'], {
      env: services.env,
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 4, downloaded: 4, failed: 0 })
    const first = services.network.files.AIA_0094![0]!
    const local = join(dir.path, 'AIA_0094/sdo/aia/0094/2010/05/aia_0094_201005130000.fits')
    expect(
      createHash('sha256')
        .update(await readFile(local))
        .digest('hex'),
    ).toBe(first.sha256)
  } finally {
    await dir.remove()
  }
})
