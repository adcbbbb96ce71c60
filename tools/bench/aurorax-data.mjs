// One process of the AuroraX result benchmark. It fetches the result bytes once over the socket, then
// replays them from memory through the same HTTP transport (an injected fetch whose body streams
// 64 KiB views of the bytes, as a socket hands over chunks), so rounds time CPU work, not loopback I/O:
//   `time`: interleaved rounds of (a) api.text() + JSON.parse, (b) search.data(), which JSON.parses
//           and validates every record into typed records, (c) `bare`, (a) plus building records of
//           the same shape without any checks, and (d) `dates`, (a) plus the records' 200,000 Dates alone
//           (no records); prints CPU ms per round.
//   `parse` / `validate`: one round of (a) or (b) alone, for that process's peak memory.

import { PerformanceObserver, performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { aurorax } from '@heliokit/aurorax'
import { createHeliokit, createProviderContext, silentLogger } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { roundOrder } from './measure.mjs'

const [mode, baseUrl, requestId, roundsArg] = process.argv.slice(2)
const rounds = Number(roundsArg ?? 7)
const path = `data_products/requests/${requestId}/data`
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6
// CPU time of this process (all threads): on a VM shared with other work, waiting for a core is not cost.
const cpu = (from) => {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}
// The kernel's share (page faults on freshly allocated memory), ms.
const sys = (from) => process.cpuUsage(from).system / 1000

const socket = createProviderContext([createHttpTransport()], silentLogger).api({
  baseUrl: `${baseUrl}/api/v1/`,
})
const t0 = process.hrtime.bigint()
const bytes = new TextEncoder().encode(
  (await socket.text({ path, headers: { accept: 'application/json' } })).data,
)
const fetchMs = ms(t0)

const CHUNK = 64 * 1024
// Views, not copies (a default stream: a byte stream would detach the array): a Response over the whole
// array copies 40 MB per round that no socket read copies.
const chunked = () => {
  let at = 0
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(at, at + CHUNK))
      at += CHUNK
    },
  })
}
const replay = createHttpTransport({
  fetch: async () =>
    new Response(chunked(), {
      headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
    }),
})
const hk = createHeliokit({ providers: [aurorax({ baseUrl })], transports: [replay] })
const search = hk.provider('aurorax').dataProducts.request(requestId)
const api = createProviderContext([replay], silentLogger).api({ baseUrl: `${baseUrl}/api/v1/` })

async function plain() {
  const t = process.cpuUsage()
  const { data } = await api.text({ path, headers: { accept: 'application/json' } })
  const p = process.cpuUsage()
  const records = JSON.parse(data).result
  return { total: cpu(t), parse: cpu(p), system: sys(t), records }
}
// Not a contender: the records' shape (a shared source, two Dates) built from JSON.parse's records with
// no checks and no timestamp reading, to tell the cost of the Dates from the cost of checking.
async function bare() {
  const t = process.cpuUsage()
  const { data } = await api.text({ path, headers: { accept: 'application/json' } })
  const records = JSON.parse(data).result
  const dataSource = Object.freeze({ identifier: 0 })
  const t0 = Date.UTC(2021, 0, 1)
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]
    const start = new Date(t0 + i * 60_000)
    const end = new Date(t0 + i * 60_000 + 59_000)
    records[i] = {
      dataSource,
      dataProductType: r.data_product_type,
      start,
      end,
      url: r.url,
      metadata: r.metadata,
    }
  }
  return { total: cpu(t), system: sys(t), records }
}
// Not a contender: the 200,000 Dates of the records (from numbers, kept in an array) and nothing else,
// the floor of any typed records holding Dates.
async function dates() {
  const t = process.cpuUsage()
  const { data } = await api.text({ path, headers: { accept: 'application/json' } })
  const records = JSON.parse(data).result
  const t0 = Date.UTC(2021, 0, 1)
  const kept = new Array(2 * records.length)
  for (let i = records.length - 1; i >= 0; i--) {
    kept[2 * i] = new Date(t0 + i * 60_000)
    kept[2 * i + 1] = new Date(t0 + i * 60_000 + 59_000)
  }
  return { total: cpu(t), system: sys(t), records, kept }
}
async function typed() {
  const t = process.cpuUsage()
  const records = await search.data()
  return { total: cpu(t), system: sys(t), records }
}

const out = { mode, fetchMs, bytes: bytes.length }
if (mode === 'time') {
  const sides = { plain, dates, bare, typed }
  for (const name of Object.keys(sides)) {
    out[name] = []
    out[`${name}System`] = []
    out[`${name}Gc`] = []
  }
  out.parse = []
  // GC pauses (main thread, wall ms) by start time, to tell each side's collector time from its own.
  const pauses = []
  new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] })
  // Each side starts from a collected heap holding no side's records, so none pays for another's garbage.
  const measure = async (fn) => {
    globalThis.gc()
    await sleep(20)
    const from = performance.now()
    const { records, kept, ...times } = await fn()
    const to = performance.now()
    // The observer hears of pauses a timer turn later.
    await sleep(20)
    const gc = pauses
      .filter((e) => e.startTime >= from && e.startTime < to)
      .reduce((a, e) => a + e.duration, 0)
    pauses.length = 0
    return { ...times, gc, records: records.length }
  }
  for (let round = 0; round < rounds; round++) {
    // The order rotates: no side always inherits the process state another leaves.
    const names = Object.keys(sides)
    const got = {}
    for (const i of roundOrder(names.length, round)) got[names[i]] = await measure(sides[names[i]])
    for (const name of names) {
      out[name].push(got[name].total)
      out[`${name}System`].push(got[name].system)
      out[`${name}Gc`].push(got[name].gc)
      if (got[name].records !== got.typed.records) throw new Error('the sides saw different records')
    }
    out.parse.push(got.plain.parse)
    out.records = got.typed.records
  }
} else {
  const kept = mode === 'parse' ? await plain() : await typed()
  out.records = kept.records.length
  out.maxRssMB = process.resourceUsage().maxRSS / 1024
  out.heapMB = process.memoryUsage().heapUsed / 2 ** 20
}
console.log(JSON.stringify(out))
await hk.close()
