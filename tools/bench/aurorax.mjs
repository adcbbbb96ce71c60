// AuroraX search results: a data product search of COUNT records from the emulator (in its own
// process); search.data() (JSON.parse + validation into typed records) vs JSON.parse of the same bytes
// alone, and, to split the added cost, the same records built without checks (their Dates and objects
// alone) and their 200,000 Dates alone. Timing replays the fetched bytes from memory in interleaved
// rounds and counts the process's CPU time (medians; waiting for a core on a shared VM is not cost);
// peak memory is measured in one process per side. Usage: node aurorax.mjs [count=100000] [rounds=9]
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { aurorax } from '@heliokit/aurorax'
import { createHeliokit } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { benchDir, startProcessServer } from './measure.mjs'

const count = Number(process.argv[2] ?? 100_000)
const rounds = Number(process.argv[3] ?? 9)
const server = await startProcessServer('aurorax-server.mjs', [count])
const hk = createHeliokit({
  providers: [aurorax({ baseUrl: server.url, pollInterval: 50 })],
  transports: [createHttpTransport()],
})
try {
  const ax = hk.provider('aurorax')
  const search = ax.dataProducts.search({ start: '2021-01-01', end: '2022-01-01', programs: ['bench'] })
  await search.submit()
  const status = await search.wait()
  console.log(`${status.resultCount} data product records, ${(status.fileSize / 1e6).toFixed(1)} MB of JSON`)
  const run = (mode) => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', join(benchDir, 'aurorax-data.mjs'), mode, server.url, search.requestId, rounds],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`)
    return JSON.parse(child.stdout.trim().split('\n').at(-1))
  }
  const time = run('time')
  const parseMem = run('parse')
  const typedMem = run('validate')
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const parse = median(time.parse)
  const plain = median(time.plain)
  const typed = median(time.typed)
  const row = (name, value, note = '') => console.log(`${name.padEnd(58)} ${value.padStart(9)}  ${note}`)
  row('fetch of the result over loopback (once)', `${time.fetchMs.toFixed(0)} ms`)
  row('JSON.parse alone (CPU)', `${parse.toFixed(0)} ms`, 'baseline')
  row('body to text + JSON.parse (api.text) (CPU)', `${plain.toFixed(0)} ms`)
  row('text + JSON.parse + validation (search.data()) (CPU)', `${typed.toFixed(0)} ms`)
  row('validation added over JSON.parse', `${(((typed - plain) / parse) * 100).toFixed(0)} %`, 'goal <= 50 %')
  // Each round's own difference, over its own JSON.parse: slow phases of a busy VM hit both sides of a round.
  const perRound = (side, base) => time[side].map((t, i) => (t - time[base][i]) / time.parse[i])
  const paired = (side, base) => median(perRound(side, base))
  const percent = (value) => `${(value * 100).toFixed(0)} %`
  const quartiles = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    const at = (q) => sorted[Math.round(q * (sorted.length - 1))]
    return `quartiles ${percent(at(0.25))} - ${percent(at(0.75))}`
  }
  row(
    'validation added over JSON.parse, per round (median)',
    percent(paired('typed', 'plain')),
    quartiles(perRound('typed', 'plain')),
  )
  row('  of which the records and their Dates, unchecked, per round', percent(paired('bare', 'plain')))
  row(
    `    of which the ${(2 * time.records).toLocaleString('en')} Dates alone (no records), per round`,
    percent(paired('dates', 'plain')),
    quartiles(perRound('dates', 'plain')),
  )
  row('  of which checking and reading timestamps, per round', percent(paired('typed', 'bare')))
  row('search.data() / JSON.parse', `${(typed / parse).toFixed(2)}x`)
  row('(text + JSON.parse) / JSON.parse', `${(plain / parse).toFixed(2)}x`)
  row('search.data() / (text + JSON.parse)', `${(typed / plain).toFixed(2)}x`)
  row(
    'of which system CPU: text + JSON.parse | search.data()',
    `${median(time.plainSystem).toFixed(0)} | ${median(time.typedSystem).toFixed(0)} ms`,
    'page faults on fresh memory',
  )
  row(
    'GC pauses: text + JSON.parse | Dates alone | unchecked | search.data()',
    `${median(time.plainGc).toFixed(0)} | ${median(time.datesGc).toFixed(0)} | ${median(time.bareGc).toFixed(0)} | ${median(time.typedGc).toFixed(0)} ms`,
    'main thread, wall',
  )
  row(
    'peak RSS, text + JSON.parse process',
    `${parseMem.maxRssMB.toFixed(0)} MB`,
    `heap after ${parseMem.heapMB.toFixed(0)} MB`,
  )
  row(
    'peak RSS, search.data() process',
    `${typedMem.maxRssMB.toFixed(0)} MB`,
    `heap after ${typedMem.heapMB.toFixed(0)} MB`,
  )
  const rounded = (list) => list.map((v) => Math.round(v)).join(' ')
  console.log(
    `rounds (CPU ms): parse ${rounded(time.parse)} | text+parse ${rounded(time.plain)} | Dates alone ${rounded(time.dates)} | unchecked ${rounded(time.bare)} | data() ${rounded(time.typed)}`,
  )
} finally {
  await hk.close()
  server.stop()
}
