// This checkout's heliokit against another checkout's build (e.g. a `git worktree` of an older commit,
// built with `pnpm build`), in process, interleaved with curl: before and after figures in one run.
// Usage: node download-vs-build.mjs <other checkout> [count=2000] [size=262144] [rounds=7]
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { compare, curlContender, printTable, startFileSet } from './measure.mjs'

const [other, ...rest] = process.argv.slice(2)
if (!other) throw new Error('usage: node download-vs-build.mjs <other checkout> [count] [size] [rounds]')
const [count = 2000, size = 262_144, rounds = 7] = rest.map(Number)
const built = (pkg) => import(pathToFileURL(resolve(other, 'packages', pkg, 'dist/index.js')).href)
const otherDownload = (await built('download')).download
const otherHttp = (await built('transport-http')).createHttpTransport

const { server, urls, files } = await startFileSet(count, size)
const transports = { other: otherHttp(), this: createHttpTransport() }
const contender = (name, dir, run, transport) => ({
  name,
  dir,
  async run(outDir) {
    const result = await run(files, { outDir, transports: [transport], concurrency: 8 })
    if (result.failed.length) throw new Error(result.failed[0].error.message)
  },
})
try {
  const results = await compare(
    [
      curlContender(urls, 'curl'),
      contender(`heliokit ${other}`, 'other', otherDownload, transports.other),
      contender('heliokit this checkout', 'this', download, transports.this),
    ],
    rounds,
  )
  printTable(results)
} finally {
  await Promise.all(Object.values(transports).map((t) => t.close()))
  server.stop()
}
