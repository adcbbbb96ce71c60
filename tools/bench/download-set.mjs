// One download benchmark set: COUNT files of SIZE bytes from a local server in its own process,
// heliokit in this process (warm after its first rounds) and in a fresh process per round (as a
// command-line user runs it) vs curl --parallel-max 8, Python requests and a bare undici loop in this
// process (what heliokit's HTTP client alone does here), in interleaved rounds.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { undiciFiles } from './bare-loop.mjs'
import {
  benchDir,
  compare,
  curlContender,
  freshDir,
  printTable,
  pythonContender,
  runCommand,
  startFileSet,
} from './measure.mjs'

export const HELIOKIT_WARM = 'heliokit download (in process)'
export const HELIOKIT_FRESH = 'heliokit download (fresh process)'
export const UNDICI_WARM = 'bare undici dispatch loop (in process)'

export async function benchDownloadSet({ count, size, rounds, python = true }) {
  const label = `${count} x ${size >= 1 << 20 ? `${size / (1 << 20)} MiB` : `${size / 1024} KiB`}`
  console.log(`\n## ${label}, ${rounds} rounds`)
  const { server, urls, files } = await startFileSet(count, size)
  const transport = createHttpTransport()
  const warm = {
    name: HELIOKIT_WARM,
    dir: 'heliokit',
    async run(outDir) {
      const result = await download(files, { outDir, transports: [transport], concurrency: 8 })
      if (result.failed.length)
        throw new Error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
    },
  }
  const parsed = urls.map((url) => new URL(url))
  const undici = {
    name: UNDICI_WARM,
    dir: 'undici',
    run: (outDir) => undiciFiles(parsed, outDir, (i) => `f${i}`),
  }
  const list = join(freshDir('fresh-list'), 'urls.txt')
  writeFileSync(list, urls.join('\n'))
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
        undici,
        fresh,
        python ? pythonContender(urls, 'python') : undefined,
      ],
      rounds,
    )
    printTable(results)
    return { label, results }
  } finally {
    await transport.close()
    server.stop()
  }
}
