// One heliokit contender run of the scregistry benchmark, in its own process so its peak RSS is its own:
// streams every row of the dataset through scregistry.files() from s3rver and prints
// {"rows", "seconds", "maxRssKb"}. Usage: node scregistry-heliokit.mjs <s3 endpoint> <bucket> <dataset> <start> <stop>
import { readFileSync } from 'node:fs'
import { createHeliokit } from '@heliokit/core'
import { scregistry } from '@heliokit/scregistry'
import { createS3Transport } from '@heliokit/transport-s3'

// VmHWM, not getrusage: a child's ru_maxrss starts at its parent's peak on Linux.
const peakRssKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1])

const [endpoint, bucket, dataset, start, stop] = process.argv.slice(2)
const hk = createHeliokit({
  providers: [scregistry()],
  transports: [createS3Transport({ endpoint, region: 'us-east-1' })],
})
const began = process.hrtime.bigint()
let rows = 0
for await (const _ of hk.provider('scregistry').files({ dataset, bucket, start, stop })) rows++
const seconds = Number(process.hrtime.bigint() - began) / 1e9
await hk.close()
console.log(JSON.stringify({ rows, seconds, maxRssKb: peakRssKb() }))
