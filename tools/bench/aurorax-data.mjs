// One process of the AuroraX result benchmark. It fetches the result bytes once over the socket, then
// replays them from memory through the same HTTP transport (an injected fetch; its Response copies
// the bytes, where a socket allocates them as chunks), so rounds time CPU work, not loopback I/O:
//   `time`: interleaved rounds of (a) api.text() + JSON.parse and (b) search.data(), which
//           JSON.parses and validates every record into typed records; prints CPU ms per round.
//   `parse` / `validate`: one round of (a) or (b) alone, for that process's peak memory.
import { aurorax } from '@heliokit/aurorax'
import { createHeliokit, createProviderContext, silentLogger } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'

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

const replay = createHttpTransport({
  fetch: async () =>
    new Response(bytes, {
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
async function typed() {
  const t = process.cpuUsage()
  const records = await search.data()
  return { total: cpu(t), system: sys(t), records }
}

const out = { mode, fetchMs, bytes: bytes.length }
if (mode === 'time') {
  out.plain = []
  out.parse = []
  out.typed = []
  out.plainSystem = []
  out.typedSystem = []
  // Each round starts from a collected heap holding neither side's records, so neither pays for the other's garbage.
  const measure = async (fn) => {
    globalThis.gc()
    const { records, ...times } = await fn()
    return { ...times, records: records.length }
  }
  for (let round = 0; round < rounds; round++) {
    const a = await measure(plain)
    out.plain.push(a.total)
    out.parse.push(a.parse)
    out.plainSystem.push(a.system)
    const b = await measure(typed)
    out.typed.push(b.total)
    out.typedSystem.push(b.system)
    if (a.records !== b.records) throw new Error('the two sides saw different records')
    out.records = b.records
  }
} else {
  const kept = mode === 'parse' ? await plain() : await typed()
  out.records = kept.records.length
  out.maxRssMB = process.resourceUsage().maxRSS / 1024
  out.heapMB = process.memoryUsage().heapUsed / 2 ** 20
}
console.log(JSON.stringify(out))
await hk.close()
