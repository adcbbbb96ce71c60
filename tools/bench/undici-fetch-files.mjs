// The floor for a Node command line: a bare undici `dispatch` loop, 8 at a time, writing each file as
// heliokit does (synchronous writes, renamed into place), in a fresh process; no retries, checks or
// progress. Usage: node undici-fetch-files.mjs <file of URLs, one a line> <outDir>
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { Agent } from 'undici'

const [list, outDir] = process.argv.slice(2)
mkdirSync(outDir, { recursive: true })
const urls = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((u) => new URL(u))
const agent = new Agent({ connections: 8 })

function get(url, path) {
  const fd = openSync(`${path}.part`, 'w')
  return new Promise((resolve, reject) => {
    agent.dispatch(
      { origin: url.origin, path: url.pathname, method: 'GET' },
      {
        onConnect() {},
        onHeaders: () => true,
        onData(chunk) {
          for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at)
          return true
        },
        onComplete() {
          closeSync(fd)
          renameSync(`${path}.part`, path)
          resolve()
        },
        onError: reject,
      },
    )
  })
}

let next = 0
const lane = async () => {
  while (next < urls.length) {
    const i = next++
    await get(urls[i], join(outDir, `file-${i}.bin`))
  }
}
await Promise.all(Array.from({ length: 8 }, lane))
await agent.close()
