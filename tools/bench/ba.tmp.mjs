import { download as after } from '@heliokit/download'
import { createHttpTransport as afterHttp } from '@heliokit/transport-http'
import { download as before } from '/work/wt/before/packages/download/dist/index.js'
import { createHttpTransport as beforeHttp } from '/work/wt/before/packages/transport-http/dist/index.js'
import { compare, curlContender, printTable, startFileSet } from './measure.mjs'
const [count = 2000, size = 262144, rounds = 7] = process.argv.slice(2).map(Number)
const { server, urls, files } = await startFileSet(count, size)
const tb = beforeHttp(), ta = afterHttp()
const hk = (name, dl, t) => ({ name, dir: name.split(' ')[1], async run(outDir) {
  const r = await dl(files, { outDir, transports: [t], concurrency: 8 }); if (r.failed.length) throw new Error(r.failed[0].error.message) } })
printTable(await compare([curlContender(urls, 'curl'), hk('heliokit before (write thread, a5e2501)', before, tb), hk('heliokit after (sync writes)', after, ta)], rounds))
await tb.close(); await ta.close(); server.stop()
