import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { useServices } from './helpers/services.ts'
import { tempDir } from './helpers/temp-dir.ts'

const services = useServices()

const hour = ['--start', '2022-01-01T06:00', '--end', '2022-01-01T06:59', '--site', 'gill']

test('ucalgary datasets: a table on the terminal, --json an array, --ndjson one record per line', async () => {
  const table = await runCli(['ucalgary', 'datasets', '--name', 'themis_asi_raw'], { env: services.env })
  expect(table.code).toBe(0)
  expect(table.stdout).toMatch(/│ name\s+│ level\s+│ fileTimeResolution\s+│ shortDescription\s+│/)
  expect(table.stdout).toMatch(/│ THEMIS_ASI_RAW\s+│ L0\s+│ 1min\s+│/)
  const json = await runCli(['--json', 'ucalgary', 'datasets', '--level', 'L0'], { env: services.env })
  const array = JSON.parse(json.stdout) as { name: string; level: string }[]
  expect(array.length).toBeGreaterThan(1)
  expect(array.every((d) => d.level === 'L0')).toBe(true)
  const lines = await runCli(['ucalgary', 'datasets', '--level', 'L0', '--ndjson'], { env: services.env })
  expect(ndjson(lines.stdout)).toEqual(array)
})

test('ucalgary observatories and urls', async () => {
  const obs = await runCli(['ucalgary', 'observatories', 'themis_asi', '--uid', 'gi', '--ndjson'], {
    env: services.env,
  })
  expect(ndjson(obs.stdout)).toEqual([
    { uid: 'gill', fullName: 'Gillam, MB, Canada', geodeticLatitude: 56.38, geodeticLongitude: -94.64 },
  ])
  const urls = await runCli(['ucalgary', 'urls', 'THEMIS_ASI_RAW', ...hour, '--ndjson'], {
    env: services.env,
  })
  const listed = ndjson(urls.stdout).map((r) => r.url as string)
  expect(listed).toHaveLength(60)
  expect(listed[0]).toMatch(/20220101_0600_gill_themis19_full\.pgm\.gz$/)
  expect(listed.every((u) => u.startsWith(services.ucalgary.dataUrl))).toBe(true)
})

test('ucalgary download writes the data tree, then skips what is there', async () => {
  const out = await tempDir()
  try {
    const args = ['ucalgary', 'download', 'THEMIS_ASI_RAW', ...hour, '--out', out.path, '--json']
    const first = await runCli(args, { env: services.env })
    expect(first.code).toBe(0)
    expect(first.stderr).toBe('')
    const summary = JSON.parse(first.stdout)
    expect(summary).toMatchObject({
      dataset: 'THEMIS_ASI_RAW',
      count: 60,
      downloaded: 60,
      skipped: 0,
      failed: 0,
    })
    const url = `${services.ucalgary.dataUrl}/sort_by_project/THEMIS/asi/stream0/2022/01/01/gill_themis19/ut06/20220101_0630_gill_themis19_full.pgm.gz`
    const local = join(
      out.path,
      'THEMIS_ASI_RAW/stream0/2022/01/01/gill_themis19/ut06/20220101_0630_gill_themis19_full.pgm.gz',
    )
    expect(new Uint8Array(await readFile(local))).toEqual(services.ucalgary.expectedBytes(url))
    const again = JSON.parse((await runCli(args, { env: services.env })).stdout)
    expect(again).toMatchObject({ downloaded: 0, skipped: 60 })
  } finally {
    await out.remove()
  }
})
