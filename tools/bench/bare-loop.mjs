// The bare baselines of the download benchmarks: files fetched 8 at a time and written as heliokit
// writes them (synchronous writes to a temp file renamed into place), with no retries, checks or progress.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { Agent } from 'undici'

/** A temp file written with synchronous calls, renamed into place once complete. */
export function tempFile(path) {
  const fd = openSync(`${path}.part`, 'w')
  return {
    write(chunk) {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at)
    },
    commit() {
      closeSync(fd)
      renameSync(`${path}.part`, path)
    },
  }
}

/** `get(i)` for i from 0 to count - 1, 8 at a time. */
export async function eightAtATime(count, get) {
  let next = 0
  const lane = async () => {
    while (next < count) await get(next++)
  }
  await Promise.all(Array.from({ length: 8 }, lane))
}

/**
 * Every URL (URL objects) into `outDir` as `name(i)` through undici's `dispatch`, on connections of its
 * own (as curl's each run): a bare loop has no retry for a kept-alive socket the server closed meanwhile.
 */
export async function undiciFiles(urls, outDir, name) {
  const agent = new Agent({ connections: 8 })
  try {
    await eightAtATime(urls.length, (i) => undiciGet(agent, urls[i], join(outDir, name(i))))
  } finally {
    await agent.close()
  }
}

function undiciGet(agent, url, path) {
  const file = tempFile(path)
  return new Promise((resolve, reject) => {
    agent.dispatch(
      { origin: url.origin, path: url.pathname, method: 'GET' },
      {
        onConnect() {},
        onHeaders: () => true,
        onData(chunk) {
          file.write(chunk)
          return true
        },
        onComplete() {
          file.commit()
          resolve()
        },
        onError: reject,
      },
    )
  })
}
