// CLI download benchmark: COUNT files of SIZE bytes, `heliokit download --manifest` in a fresh process per
// round (its start-up counts) vs `curl --parallel --parallel-max 8` and a bare undici loop in a fresh
// process (the floor for any Node command line on undici), in one run, ROUNDS interleaved rounds.
// Usage: node cli-download.mjs [count=2000] [size=262144] [rounds=5]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  benchDir,
  compare,
  curlContender,
  freshDir,
  printTable,
  runCommand,
  startProcessServer,
} from './measure.mjs'

const count = Number(process.argv[2] ?? 2000)
const size = Number(process.argv[3] ?? 262_144)
const rounds = Number(process.argv[4] ?? 5)
const bin = new URL('../../packages/cli/dist/bin.js', import.meta.url).pathname
const server = await startProcessServer('file-server.mjs', [count, size])
const urls = Array.from({ length: count }, (_, i) => `${server.url}/data/file-${i}.bin`)
const manifest = join(freshDir('cli-manifest'), 'files.ndjson')
writeFileSync(
  manifest,
  urls
    .map((url, i) =>
      JSON.stringify({ provider: 'bench', dataset: 'bench', url, path: `file-${i}.bin`, size }),
    )
    .join('\n'),
)
const list = join(freshDir('cli-urls'), 'urls.txt')
writeFileSync(list, urls.join('\n'))
const undiciFloor = {
  name: 'bare undici dispatch loop (new process)',
  dir: 'undici-fresh',
  run: (outDir) => runCommand(process.execPath, [join(benchDir, 'undici-fetch-files.mjs'), list, outDir]),
}
const cli = {
  name: 'heliokit download (new process, concurrency 8)',
  dir: 'heliokit-cli',
  run: (outDir) =>
    runCommand(process.execPath, [bin, 'download', '--manifest', manifest, '--out', outDir, '--json']),
}
try {
  printTable(await compare([curlContender(urls, 'curl'), undiciFloor, cli], rounds))
} finally {
  server.stop()
}
