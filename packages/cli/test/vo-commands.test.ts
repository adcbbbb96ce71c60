import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startVoEmulator, type VoEmulator } from '@heliokit/testkit'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { tempDir } from './helpers/temp-dir.ts'

let vo: VoEmulator
let env: Record<string, string>
beforeAll(async () => {
  vo = await startVoEmulator({ rows: 40 })
  env = {
    VO_SIA_URL: vo.siaUrl,
    VO_SIA2_URL: vo.sia2Url,
    VO_SESAME_URL: vo.sesameUrl,
    HELIOKIT_S3_ENDPOINTS: `nasa-heasarc=${vo.s3.endpoint}`,
    AWS_REGION: 'us-east-1',
  }
})
afterAll(() => vo.close())

const casA = ['--pos', 'Cas A', '--size', '0.5']

test('vo resolve and sia: a name becomes a position, SIA rows come back as records', async () => {
  const resolved = JSON.parse((await runCli(['vo', 'resolve', 'Cas A', '--json'], { env })).stdout)
  expect(resolved).toMatchObject({ ra: 350.8583333, dec: 58.8116667 })
  const rows = ndjson((await runCli(['vo', 'sia', ...casA, '--ndjson'], { env })).stdout)
  expect(rows.length).toBe(vo.rows.filter((r) => (r.obsid - 1000) % 4 === 2).length)
  expect(rows[0]).toHaveProperty('access_url')
})

test('vo datalink lists the source options, and with --source answers s3:// links', async () => {
  const sources = ndjson((await runCli(['vo', 'datalink', ...casA, '--sources', '--ndjson'], { env })).stdout)
  expect(sources.map((s) => s.value)).toEqual(['main-server', 'aws:us-east1', 'gc'])
  const links = ndjson(
    (await runCli(['vo', 'datalink', ...casA, '--row', '0', '--source', 'aws:us-east1', '--ndjson'], { env }))
      .stdout,
  )
  const self = links.find((l) => l.semantics === '#this')
  expect(self?.accessUrl).toMatch(/^s3:\/\/nasa-heasarc\/chandra\//)
})

test('vo download through DataLink cloud access fetches the event files from S3', async () => {
  const dir = await tempDir()
  try {
    const run = await runCli(
      ['vo', 'download', ...casA, '--row', '0,1', '--source', 'aws:us-east1', '--out', dir.path, '--json'],
      {
        env,
      },
    )
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 2, downloaded: 2, failed: 0 })
    const files = ndjson(
      (
        await runCli(['vo', 'datalink', ...casA, '--row', '0', '--source', 'aws:us-east1', '--ndjson'], {
          env,
        })
      ).stdout,
    )
    const key = (files.find((l) => l.semantics === '#this')!.accessUrl as string).replace(
      's3://nasa-heasarc/',
      '',
    )
    const found = await readFile(join(dir.path, 'nasa-heasarc', key)).catch(() =>
      readFile(join(dir.path, key)),
    )
    expect(new Uint8Array(found)).toEqual(vo.expectedBytes(key))
  } finally {
    await dir.remove()
  }
})

test('files vo lists a SIA v2 collection as DataFiles', async () => {
  const run = await runCli(
    ['files', 'vo', 'chanmaster', '--start', '2000-01-01', '--end', '2000-02-01', '--ndjson'],
    { env },
  )
  expect(run.code).toBe(0)
  const files = ndjson(run.stdout)
  expect(files.length).toBe(vo.rows.filter((r) => r.obsid < 1007).length)
  expect(files[0]).toMatchObject({ provider: 'vo', dataset: 'chanmaster' })
})
