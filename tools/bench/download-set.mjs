// One download benchmark set: COUNT files of SIZE bytes from a local server in its own process,
// heliokit in a process kept warm across rounds (as a service or a notebook runs it) and in a fresh
// process per round (as a command-line user runs it) vs curl --parallel-max 8, Python requests and a
// bare undici loop in a warm process of its own (what heliokit's HTTP client alone does), interleaved.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  benchDir,
  compare,
  curlContender,
  freshDir,
  printTable,
  pythonContender,
  runCommand,
  startFileSet,
  warmProcess,
} from './measure.mjs'

export const HELIOKIT_WARM = 'heliokit download (warm process)'
export const HELIOKIT_FRESH = 'heliokit download (fresh process)'
export const UNDICI_WARM = 'bare undici dispatch loop (warm process)'
export const HELIOKIT_TRIM = 'heliokit (warm, MALLOC_TRIM_THRESHOLD_)'
// glibc returns freed heap to the system once 128 KiB is free at its top, and socket reads refault it:
// the same warm process with a trim threshold above a round's garbage of socket buffers.
const TRIM_ENV = { MALLOC_TRIM_THRESHOLD_: String(256 << 20) }

export async function benchDownloadSet({ count, size, rounds, python = true }) {
  const label = `${count} x ${size >= 1 << 20 ? `${size / (1 << 20)} MiB` : `${size / 1024} KiB`}`
  console.log(`\n## ${label}, ${rounds} rounds`)
  const { server, urls } = await startFileSet(count, size)
  const list = join(freshDir('fresh-list'), 'urls.txt')
  writeFileSync(list, urls.join('\n'))
  const warm = warmProcess({ name: HELIOKIT_WARM, dir: 'heliokit', kind: 'heliokit', list, size })
  const undici = warmProcess({ name: UNDICI_WARM, dir: 'undici', kind: 'undici', list, size })
  const trimmed = warmProcess({
    name: HELIOKIT_TRIM,
    dir: 'heliokit-trim',
    kind: 'heliokit',
    list,
    size,
    env: TRIM_ENV,
  })
  const fresh = {
    name: HELIOKIT_FRESH,
    dir: 'heliokit-fresh',
    run: (outDir) => runCommand(process.execPath, [join(benchDir, 'fetch-files.mjs'), list, outDir]),
  }
  try {
    const results = await compare(
      [
        curlContender(urls, 'curl'),
        warm,
        trimmed,
        undici,
        fresh,
        python ? pythonContender(urls, 'python') : undefined,
      ],
      rounds,
    )
    printTable(results)
    return { label, results }
  } finally {
    warm.stop()
    trimmed.stop()
    undici.stop()
    server.stop()
  }
}
