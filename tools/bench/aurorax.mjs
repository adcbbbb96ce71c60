// AuroraX search results: a data product search of COUNT records fetched from the emulator (in its
// own process) and validated into typed records (search.data()), vs fetching the same bytes and
// JSON.parse alone. Each side runs ROUNDS times in its own process (for its own peak memory); the
// table shows medians. Usage: node aurorax.mjs [count=100000] [rounds=5]
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { aurorax } from '@heliokit/aurorax'
import { createHeliokit } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { benchDir, startProcessServer } from './measure.mjs'

const count = Number(process.argv[2] ?? 100_000)
const rounds = Number(process.argv[3] ?? 5)
const server = await startProcessServer('aurorax-server.mjs', [count])
const hk = createHeliokit({ providers: [aurorax({ baseUrl: server.url, pollInterval: 50 })], transports: [createHttpTransport()] })
try {
  const search = hk.provider('aurorax').dataProducts.search({ start: '2021-01-01', end: '2022-01-01', programs: ['bench'] })
  await search.submit()
  const status = await search.wait()
  console.log(`${status.resultCount} data product records, ${(status.fileSize / 1e6).toFixed(1)} MB of JSON, ${rounds} rounds per side`)
  const side = (mode) => {
    const run = spawnSync(process.execPath, [join(benchDir, 'aurorax-data.mjs'), mode, server.url, search.requestId, rounds], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').at(-1))
  }
  const parse = side('parse')
  const validate = side('validate')
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const fetch = median(parse.times.map((t) => t.fetch))
  const jsonParse = median(parse.times.map((t) => t.parse))
  const plain = median(parse.times.map((t) => t.total))
  const full = median(validate.times.map((t) => t.total))
  if (validate.times[0].records !== parse.times[0].records) throw new Error('the two sides saw different records')
  const row = (name, value, note = '') => console.log(`${name.padEnd(52)} ${value.padStart(12)}  ${note}`)
  row('fetch the result bytes (api.text), median', `${fetch.toFixed(0)} ms`)
  row('JSON.parse alone, median', `${jsonParse.toFixed(0)} ms`, 'baseline')
  row('fetch + JSON.parse, median', `${plain.toFixed(0)} ms`)
  row('search.data(): fetch + JSON.parse + zod to typed records', `${full.toFixed(0)} ms`)
  row('validation on top of JSON.parse', `${((full - plain) / jsonParse * 100).toFixed(0)} %`, '(data() - fetch - parse) / parse; goal <= 50 %')
  row('search.data() / (fetch + JSON.parse)', `${(full / plain).toFixed(2)}x`)
  row('peak RSS: fetch + JSON.parse process', `${parse.maxRssMB.toFixed(0)} MB`, `heap at end ${parse.heapMB.toFixed(0)} MB`)
  row('peak RSS: search.data() process', `${validate.maxRssMB.toFixed(0)} MB`, `heap at end ${validate.heapMB.toFixed(0)} MB`)
  console.log('rounds (ms):', JSON.stringify({ parse: parse.times.map((t) => Math.round(t.parse)), fetchParse: parse.times.map((t) => Math.round(t.total)), data: validate.times.map((t) => Math.round(t.total)) }))
} finally {
  await hk.close()
  server.stop()
}
