import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { PLUGIN_DIR, useServices } from './helpers/services.ts'
import { tempDir } from './helpers/temp-dir.ts'

const services = useServices()

const plugin = ['--plugin', PLUGIN_DIR]

test('providers lists first-party providers and plugins with capabilities and commands', async () => {
  const run = await runCli([...plugin, 'providers', '--ndjson'], { env: services.env })
  expect(run.code).toBe(0)
  const rows = ndjson(run.stdout)
  expect(rows.map((r) => r.id)).toEqual(['aurorax', 'scregistry', 'ucalgary', 'vo', 'autoindex'])
  expect(rows[2]).toMatchObject({
    capabilities: ['datasets', 'files', 'download'],
    commands: ['datasets', 'observatories', 'urls', 'download'],
    status: 'ready',
  })
  expect(rows[4]).toMatchObject({ capabilities: ['datasets', 'files'], commands: ['ls'], status: 'ready' })
})

test('datasets searches every provider; --provider narrows; a failing provider is reported, the rest listed, exit 1', async () => {
  const all = await runCli([...plugin, 'datasets', '--search', 'themis', '--ndjson'], { env: services.env })
  expect(all.code).toBe(0)
  const rows = ndjson(all.stdout)
  expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(['ucalgary', 'autoindex']))
  expect(rows.find((r) => r.provider === 'autoindex')).toMatchObject({ id: 'THEMIS', title: 'THEMIS' })
  const one = await runCli([...plugin, 'datasets', '--provider', 'autoindex', '--json'], {
    env: services.env,
  })
  expect(JSON.parse(one.stdout).map((r: { id: string }) => r.id)).toEqual(['THEMIS', 'SWARM'])
  const broken = await runCli([...plugin, 'datasets', '--ndjson'], {
    env: { ...services.env, UCALGARY_BASE_URL: 'http://127.0.0.1:9' },
  })
  expect(broken.code).toBe(1)
  const listed = ndjson(broken.stdout)
  expect(listed.filter((r) => r.provider === 'autoindex').map((r) => r.id)).toEqual(['THEMIS', 'SWARM'])
  expect(listed.some((r) => r.provider === 'scregistry')).toBe(true)
  expect(broken.stderr).toMatch(/^heliokit: NETWORK \[ucalgary\] /)
})

test('files --ndjson makes a manifest that download --manifest fetches, byte for byte', async () => {
  const dir = await tempDir()
  try {
    const files = await runCli(
      [
        'files',
        'ucalgary',
        'THEMIS_ASI_RAW',
        '--start',
        '2022-01-01T06:00',
        '--end',
        '2022-01-01T06:10',
        '--site',
        'gill',
        '--ndjson',
      ],
      { env: services.env },
    )
    expect(files.code).toBe(0)
    const records = ndjson(files.stdout)
    expect(records).toHaveLength(10)
    expect(records[0]).toMatchObject({
      provider: 'ucalgary',
      dataset: 'THEMIS_ASI_RAW',
      start: '2022-01-01T06:00:00.000Z',
    })
    const manifest = join(dir.path, 'files.ndjson')
    await writeFile(manifest, files.stdout)
    const out = join(dir.path, 'out')
    const run = await runCli(['download', '--manifest', manifest, '--out', out, '--json'], { env: {} })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 10, downloaded: 10, failed: 0 })
    for (const r of records) {
      const bytes = new Uint8Array(await readFile(join(out, r.path as string)))
      expect(bytes).toEqual(services.ucalgary.expectedBytes(r.url as string))
    }
  } finally {
    await dir.remove()
  }
})

test('a manifest line that is not a file record is INVALID_INPUT naming the line, exit 2', async () => {
  const dir = await tempDir()
  try {
    const manifest = join(dir.path, 'bad.ndjson')
    await writeFile(manifest, '{"provider":"x","dataset":"d","url":"ftp://h/f","path":"f","metadata":{}}\n')
    const run = await runCli(['download', '--manifest', manifest, '--out', dir.path])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      new RegExp(
        `^heliokit: INVALID_INPUT ${manifest}:1: not a file record: url must be an http\\(s\\): or s3: URL`,
      ),
    )
  } finally {
    await dir.remove()
  }
})

test('download from a plugin provider, table summary by default', async () => {
  const dir = await tempDir()
  try {
    const run = await runCli(
      [
        ...plugin,
        'download',
        'autoindex',
        'SWARM',
        '--start',
        '2022-01-01',
        '--end',
        '2022-01-03',
        '--out',
        dir.path,
      ],
      { env: services.env },
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/│ downloaded\s+│ 10\s+│/)
    expect((await readdir(join(dir.path, 'SWARM/2022/01/02'))).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `SWARM_20220102_${i}.cdf`),
    )
  } finally {
    await dir.remove()
  }
})

test('download reports each failed file as an error line and exits 1, after the summary', async () => {
  const dir = await tempDir()
  try {
    const good = { provider: 'autoindex', dataset: 'SWARM', path: 'a.cdf', metadata: {} }
    const manifest = join(dir.path, 'files.ndjson')
    await writeFile(
      manifest,
      [
        { ...good, url: `${services.archive.url}/SWARM/2022/01/01/SWARM_20220101_0.cdf` },
        { ...good, path: 'missing.cdf', url: `${services.archive.url}/SWARM/2022/01/01/nope.cdf` },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    )
    const run = await runCli(['download', '--manifest', manifest, '--out', join(dir.path, 'out'), '--json'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 2, downloaded: 1, failed: 1 })
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^heliokit: NOT_FOUND .*nope\.cdf/)
  } finally {
    await dir.remove()
  }
})
