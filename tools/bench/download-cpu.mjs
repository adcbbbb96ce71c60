// CPU per round of a 2,000-file download: heliokit's download, transport-http's open + forEachChunk
// alone, and a bare undici `dispatch` loop, all writing the same files with the same synchronous calls
// (what each layer adds over the library it builds on), vs curl. CPU, not wall time, so the figures
// hold on a machine busy with other work; `--out /dev/shm` writes to memory, taking the disk's noise out.
// Usage: node download-cpu.mjs [count=2000] [size=262144] [rounds=5] [--out <folder>]
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { eightAtATime, tempFile, undiciFiles } from './bare-loop.mjs'
import { roundOrder, scratch, startFileSet } from './measure.mjs'

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const outBase = outAt === -1 ? scratch : args.splice(outAt, 2)[1]
const [count = 2000, size = 262_144, rounds = 5] = args.map(Number)
const { server, urls, files } = await startFileSet(count, size)
const transport = createHttpTransport()

// user + system seconds of this process's main thread, and of the whole process
const mainThread = () => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
const wholeProcess = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

const parsed = urls.map((url) => new URL(url))

async function transportGet(i, path) {
  const opened = await transport.open(parsed[i], { retries: 0 })
  const file = tempFile(path)
  await opened.forEachChunk((chunk) => file.write(chunk))
  file.commit()
}

const eachFile = (outDir, get) => eightAtATime(urls.length, (i) => get(i, join(outDir, `f${i}`)))

const contenders = {
  heliokit: async (outDir) => {
    const result = await download(files, { outDir, transports: [transport], concurrency: 8 })
    if (result.failed.length) throw new Error(result.failed[0].error.message)
  },
  'transport-http open': (outDir) => eachFile(outDir, transportGet),
  'undici dispatch': (outDir) => undiciFiles(parsed, outDir, (i) => `f${i}`),
  'curl --parallel-max 8': (outDir) => {
    const config = join(outBase, 'heliokit-cpu-curl.cfg')
    writeFileSync(config, urls.map((u, i) => `url = "${u}"\noutput = "${join(outDir, `f${i}`)}"`).join('\n'))
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', '%U %S', 'curl', '--parallel', '--parallel-max', '8', '-sS', '--fail', '-K', config],
      {
        encoding: 'utf8',
      },
    )
    const [user, system] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number)
    return { main: user + system, all: user + system }
  },
}

mkdirSync(outBase, { recursive: true })
const rows = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]))
try {
  const entries = Object.entries(contenders)
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of roundOrder(entries.length, round).map((i) => entries[i])) {
      const outDir = join(outBase, `heliokit-cpu-${name.split(' ')[0]}`)
      rmSync(outDir, { recursive: true, force: true })
      mkdirSync(outDir, { recursive: true })
      const main0 = mainThread()
      const all0 = wholeProcess()
      const own = await run(outDir)
      rows[name].push(own ?? { main: mainThread() - main0, all: wholeProcess() - all0 })
    }
  }
} finally {
  for (const name of Object.keys(contenders))
    rmSync(join(outBase, `heliokit-cpu-${name.split(' ')[0]}`), { recursive: true, force: true })
  rmSync(join(outBase, 'heliokit-cpu-curl.cfg'), { force: true })
  await transport.close()
  server.stop()
}
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]
const curlCpu = median(rows['curl --parallel-max 8'].map((r) => r.all))
console.log(
  `\n${count} x ${size} bytes, ${rounds} rounds, median CPU seconds per round (curl's is its whole process)`,
)
console.log('contender'.padEnd(24), 'main thread', 'process', 'process vs curl')
for (const [name, list] of Object.entries(rows)) {
  const all = median(list.map((r) => r.all))
  console.log(
    name.padEnd(24),
    median(list.map((r) => r.main))
      .toFixed(2)
      .padStart(11),
    all.toFixed(2).padStart(7),
    `${(all / curlCpu).toFixed(2)}x`.padStart(15),
  )
}
