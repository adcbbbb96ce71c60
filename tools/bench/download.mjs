// Download benchmark: COUNT files of SIZE bytes from a local HTTP server, heliokit vs
// `curl --parallel --parallel-max 8` (the near-limit baseline) vs Python requests with 5 threads.
// Usage: node download.mjs [count=2000] [size=262144]
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { freshDir, printTable, startProcessServer, timeCurl, timed, timePython } from './measure.mjs'

const count = Number(process.argv[2] ?? 2000)
const size = Number(process.argv[3] ?? 262_144)
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
const results = []
try {
  results.push(await timeCurl(urls, 'curl'))
  const outDir = freshDir('heliokit')
  const run = async () => {
    const result = await download(files, { outDir, transports: [transport], concurrency: 8 })
    if (result.failed.length)
      throw new Error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
  }
  results.push(await timed('heliokit download (concurrency 8)', run, outDir))
  results.push(await timePython(urls, 'python'))
} finally {
  await transport.close()
  server.stop()
}
printTable(results)
