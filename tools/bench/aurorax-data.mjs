// One side of the AuroraX result benchmark, in its own process so its peak memory is its own.
// `parse`: fetch the result bytes (api.text) and JSON.parse them. `validate`: search.data(), which
// fetches the same bytes, JSON.parses them and validates every record with zod into typed records.
// Prints one JSON line: per-round times and the process's peak RSS and final heap.
import { aurorax } from '@heliokit/aurorax'
import { createHeliokit, createProviderContext, silentLogger } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'

const [mode, baseUrl, requestId, roundsArg] = process.argv.slice(2)
const rounds = Number(roundsArg ?? 5)
const transport = createHttpTransport()
const hk = createHeliokit({ providers: [aurorax({ baseUrl })], transports: [transport] })
const search = hk.provider('aurorax').dataProducts.request(requestId)
const api = createProviderContext([transport], silentLogger).api({ baseUrl: `${baseUrl}/api/v1/` })
const path = `data_products/requests/${requestId}/data`
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6

const times = []
let kept
for (let round = 0; round < rounds; round++) {
  kept = undefined
  if (mode === 'parse') {
    const t0 = process.hrtime.bigint()
    const { data } = await api.text({ path, headers: { accept: 'application/json' } })
    const fetched = ms(t0)
    const t1 = process.hrtime.bigint()
    kept = JSON.parse(data).result
    times.push({ fetch: fetched, parse: ms(t1), total: ms(t0), records: kept.length, bytes: data.length })
  } else {
    const t0 = process.hrtime.bigint()
    kept = await search.data()
    times.push({ total: ms(t0), records: kept.length })
  }
}
const { heapUsed } = process.memoryUsage()
console.log(JSON.stringify({ mode, times, maxRssMB: process.resourceUsage().maxRSS / 1024, heapMB: heapUsed / 2 ** 20 }))
await hk.close()
