// Download benchmark: COUNT files of SIZE bytes from a local HTTP server, heliokit vs
// `curl --parallel --parallel-max 8` (the near-limit baseline) vs Python requests with 5 threads,
// ROUNDS interleaved rounds each; the table shows each contender's median round.
// Usage: node download.mjs [count=2000] [size=262144] [rounds=5]
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { compare, curlContender, printTable, pythonContender, startProcessServer } from './measure.mjs'

const count = Number(process.argv[2] ?? 2000)
const size = Number(process.argv[3] ?? 262_144)
const rounds = Number(process.argv[4] ?? 5)
const server = await startProcessServer('file-server.mjs', [count, size])
const urls = Array.from({ length: count }, (_, i) => `${server.url}/data/file-${i}.bin`)
const files = urls.map((url, i) => ({
  provider: 'bench',
  dataset: 'bench',
  url,
  path: `file-${i}.bin`,
  size,
  metadata: {},
}))
const transport = createHttpTransport()
const heliokit = {
  name: 'heliokit download (concurrency 8)',
  dir: 'heliokit',
  async run(outDir) {
    const result = await download(files, { outDir, transports: [transport], concurrency: 8 })
    if (result.failed.length)
      throw new Error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
  },
}
try {
  printTable(await compare([curlContender(urls, 'curl'), heliokit, pythonContender(urls, 'python')], rounds))
} finally {
  await transport.close()
  server.stop()
}
