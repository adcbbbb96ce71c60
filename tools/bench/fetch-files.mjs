// A command-line user's heliokit download: one fresh process per run, no close() (the process must exit
// on its own). Usage: node fetch-files.mjs <file of URLs, one a line> <outDir> [concurrency=8]
import { readFileSync } from 'node:fs'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'

const [list, outDir, concurrency = '8'] = process.argv.slice(2)
const urls = readFileSync(list, 'utf8').split('\n').filter(Boolean)
const files = urls.map((url, i) => ({
  provider: 'bench',
  dataset: 'bench',
  url,
  path: `f${i}`,
  metadata: {},
}))
const result = await download(files, {
  outDir,
  transports: [createHttpTransport()],
  concurrency: Number(concurrency),
})
if (result.failed.length) {
  console.error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
  process.exitCode = 1
}
