import { once } from 'node:events'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli, startCli } from './helpers/run-cli.ts'
import { tempDir } from './helpers/temp-dir.ts'

test('heliokit demo tours every provider against its own emulators and downloads an hour', async () => {
  const dir = await tempDir()
  try {
    const run = await runCli(['demo', '--out', 'data'], {
      cwd: dir.path,
      env: { UCALGARY_BASE_URL: 'http://127.0.0.1:9' },
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const steps = run.stdout.split('\n').filter((l) => l.startsWith('$ heliokit '))
    expect(steps.map((s) => s.split(' ').slice(2, 4).join(' '))).toEqual([
      'providers',
      'datasets --search',
      'aurorax sources',
      'aurorax search',
      'ucalgary observatories',
      'files ucalgary',
      'ucalgary download',
      'scregistry search',
      'scregistry files',
      'download scregistry',
      'vo sia',
      'vo datalink',
      'vo download',
    ])
    expect(run.stdout).toMatch(/│ downloaded\s+│ 60\s+│/)
    const hour = join(dir.path, 'data/THEMIS_ASI_RAW/stream0/2022/01/01/gill_themis19/ut06')
    expect(await readdir(hour)).toHaveLength(60)
    expect(await readdir(join(dir.path, 'data/AIA_0094/sdo/aia/0094/2011/06'))).toEqual([
      'aia_0094_201106151200.fits',
    ])
  } finally {
    await dir.remove()
  }
})

test('heliokit emulators keeps them running for other commands, and stops on SIGTERM with exit 0', async () => {
  const child = startCli(['emulators', '--ndjson'])
  const lines = createInterface({ input: child.stdout! })
  const rows: Record<string, unknown>[] = []
  for await (const line of lines) {
    rows.push(...ndjson(line))
    if (rows.some((r) => r.env === 'UCALGARY_BASE_URL')) break
  }
  const api = rows.find((r) => r.env === 'UCALGARY_BASE_URL')!.url as string
  expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const datasets = await runCli(['ucalgary', 'datasets', '--name', 'TREX_RGB_RAW_NOMINAL', '--ndjson'], {
    env: { UCALGARY_BASE_URL: api },
  })
  expect(ndjson(datasets.stdout).map((d) => d.name)).toEqual(['TREX_RGB_RAW_NOMINAL'])
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)
})
