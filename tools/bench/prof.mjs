import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { freshDir, startProcessServer } from './measure.mjs'

const count = 2000,
  size = 262144
const server = await startProcessServer('file-server.mjs', [count, size])
const files = Array.from({ length: count }, (_, i) => ({
  provider: 'b',
  dataset: 'b',
  url: `${server.url}/data/file-${i}.bin`,
  path: `file-${i}.bin`,
  size,
  metadata: {},
}))
const dir = freshDir('prof')
const t = performance.now()
const c0 = process.cpuUsage()
const transport = createHttpTransport()
const r = await download(files, { outDir: dir, transports: [transport], concurrency: 8 })
const c = process.cpuUsage(c0)
console.log(
  'heliokit',
  ((performance.now() - t) / 1000).toFixed(2),
  's user',
  (c.user / 1e6).toFixed(2),
  'sys',
  (c.system / 1e6).toFixed(2),
  r.failed.length,
)
await transport.close()
server.stop()
