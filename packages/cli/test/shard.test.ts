import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'
import { inShard, resolveShard } from '../src/index.ts'
import { runCli } from './helpers/run-cli.ts'
import { useServices } from './helpers/services.ts'
import { tempDir } from './helpers/temp-dir.ts'

const services = useServices()

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

test('4 shards as 4 processes (Kubernetes indexed Job variables) fetch every file exactly once, together', async () => {
  const out = await tempDir()
  try {
    const before = services.ucalgary.data.requests.length
    const range = ['--start', '2022-01-01T06:00', '--end', '2022-01-01T08:00', '--site', 'gill']
    const workers = [0, 1, 2, 3].map((index) =>
      runCli(['download', 'ucalgary', 'THEMIS_ASI_RAW', ...range, '--out', out.path, '--json'], {
        env: { ...services.env, JOB_COMPLETION_INDEX: String(index), HELIOKIT_SHARDS: '4' },
      }),
    )
    const runs = await Promise.all(workers)
    const summaries = runs.map((r) => {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      return JSON.parse(r.stdout) as { shard: string; downloaded: number }
    })
    expect(summaries.map((s) => s.shard)).toEqual(['0/4', '1/4', '2/4', '3/4'])
    expect(summaries.every((s) => s.downloaded > 10)).toBe(true)
    expect(summaries.reduce((n, s) => n + s.downloaded, 0)).toBe(120)

    const fetched = services.ucalgary.data.requests.slice(before).map((r) => r.url)
    expect(fetched).toHaveLength(120)
    expect(new Set(fetched).size).toBe(120)
    expect(await filesUnder(out.path)).toHaveLength(120)
  } finally {
    await out.remove()
  }
})

test('--shard i/N on files splits a listing into disjoint parts that cover it', async () => {
  const range = ['autoindex', 'THEMIS', '--start', '2022-01-01', '--end', '2022-01-03', '--ndjson']
  const plugin = ['--plugin', new URL('../../../examples/provider-plugin', import.meta.url).pathname]
  const all = (await runCli([...plugin, 'files', ...range], { env: services.env })).stdout.trim().split('\n')
  const parts = await Promise.all(
    ['0/3', '1/3', '2/3'].map(async (s) => {
      const run = await runCli([...plugin, 'files', ...range, '--shard', s], { env: services.env })
      return run.stdout.trim().split('\n').filter(Boolean)
    }),
  )
  expect(parts.flat().sort()).toEqual([...all].sort())
})

test('shards: index from AWS Batch or Kubernetes, count from --shard N or HELIOKIT_SHARDS; bad values are INVALID_INPUT', () => {
  expect(resolveShard('2/5', {})).toEqual({ index: 2, count: 5 })
  expect(resolveShard('4', { AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toEqual({ index: 3, count: 4 })
  expect(resolveShard(undefined, { JOB_COMPLETION_INDEX: '1', HELIOKIT_SHARDS: '2' })).toEqual({
    index: 1,
    count: 2,
  })
  expect(resolveShard(undefined, { JOB_COMPLETION_INDEX: '1' })).toBeUndefined()
  for (const bad of ['5/5', 'a/b', '0/0', '4']) {
    expect(() => resolveShard(bad, {})).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  }
  const urls = Array.from({ length: 1000 }, (_, i) => `https://data.example/f/${i}.cdf`)
  const sizes = [0, 1, 2, 3].map((index) => urls.filter((u) => inShard(u, { index, count: 4 })).length)
  expect(sizes.reduce((a, b) => a + b)).toBe(1000)
  expect(Math.min(...sizes)).toBeGreaterThan(200)
})
