// Download benchmark, one set: COUNT files of SIZE bytes, heliokit (in process and in a fresh process
// per round) vs `curl --parallel --parallel-max 8` vs Python requests with 5 threads.
// Usage: node download.mjs [count=2000] [size=262144] [rounds=5]
import { benchDownloadSet } from './download-set.mjs'

await benchDownloadSet({
  count: Number(process.argv[2] ?? 2000),
  size: Number(process.argv[3] ?? 262_144),
  rounds: Number(process.argv[4] ?? 5),
})
