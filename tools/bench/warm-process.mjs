// One warm contender of the download sets, in a process of its own: reads an output folder per line on
// stdin, downloads every URL into it, answers `ok` (or `error <message>`) on stdout; ends with stdin.
// Usage (by measure.mjs warmProcess): node warm-process.mjs <heliokit|undici> <file of URLs> <size>
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { undiciFiles } from './bare-loop.mjs'
import { benchFiles } from './measure.mjs'

const [kind, list, size] = process.argv.slice(2)
const urls = readFileSync(list, 'utf8').split('\n').filter(Boolean)
const transport = createHttpTransport()
const files = benchFiles(urls, Number(size))
const parsed = urls.map((url) => new URL(url))

const rounds = {
  async heliokit(outDir) {
    const result = await download(files, { outDir, transports: [transport], concurrency: 8 })
    if (result.failed.length)
      throw new Error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
  },
  undici: (outDir) => undiciFiles(parsed, outDir, (i) => `f${i}`),
}
const round = rounds[kind]
if (!round) throw new Error(`unknown contender ${kind}`)

for await (const outDir of createInterface({ input: process.stdin })) {
  try {
    await round(outDir)
    process.stdout.write('ok\n')
  } catch (error) {
    process.stdout.write(`error ${String(error?.message ?? error).replaceAll('\n', ' ')}\n`)
  }
}
await transport.close()
