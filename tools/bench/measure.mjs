// Shared pieces of the benchmarks: the data-host process, timing, clean output folders, the table.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export const benchDir = new URL('.', import.meta.url).pathname
// BENCH_OUT=/dev/shm writes every contender's files to memory, taking the disk's noise out.
export const scratch = join(process.env.BENCH_OUT ?? benchDir, '.bench-tmp')

/** Starts a node script that prints its URL as its first line; returns the URL and a stop function. */
export async function startProcessServer(script, args) {
  const child = spawn(process.execPath, [join(benchDir, script), ...args.map(String)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const firstLine = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  return { url: firstLine.trim(), stop: () => child.kill('SIGTERM') }
}

/** COUNT files of SIZE bytes served by file-server.mjs in its own process, as URLs and as DataFiles. */
export async function startFileSet(count, size) {
  const server = await startProcessServer('file-server.mjs', [count, size])
  const urls = Array.from({ length: count }, (_, i) => `${server.url}/data/file-${i}.bin`)
  return { server, urls, files: benchFiles(urls, size) }
}

/** The DataFiles of the benchmark's URLs: `f<i>` under the output folder, SIZE bytes each. */
export function benchFiles(urls, size) {
  return urls.map((url, i) => ({
    provider: 'bench',
    dataset: 'bench',
    url,
    path: `f${i}`,
    size,
    metadata: {},
  }))
}

/**
 * A contender kept warm in a process of its own (warm-process.mjs), driven one round at a time: other
 * contenders' rounds in this process would touch its JIT and GC state (a bare undici loop run beside
 * heliokit slowed heliokit's rounds from 0.6 s to 1.2-2.1 s). `env` adds to its environment; `usage()`
 * reads its CPU seconds and page faults so far. `stop()` lets the process end.
 */
export function warmProcess({ name, dir, kind, list, size, env = {} }) {
  const child = spawn(process.execPath, [join(benchDir, 'warm-process.mjs'), kind, list, String(size)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  return {
    name,
    dir,
    async run(outDir) {
      child.stdin.write(`${outDir}\n`)
      const { value } = await replies.next()
      if (value !== 'ok') throw new Error(`${name}: ${value ?? 'process ended'}`)
    },
    usage: () => processUsage(child.pid),
    stop: () => child.stdin.end(),
  }
}

/** CPU seconds (user + system, all threads) and minor page faults of a running process, from /proc. */
function processUsage(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, faults: Number(fields[7]) }
}

export function freshDir(name) {
  const dir = join(scratch, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Files and bytes under a folder, to check every contender wrote everything. */
export function tally(dir) {
  let files = 0
  let bytes = 0
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name)
      if (entry.isDirectory()) walk(p)
      else {
        files++
        bytes += statSync(p).size
      }
    }
  }
  walk(dir)
  return { files, bytes }
}

/** Seconds of one contender's run, after dirty pages from the one before (and discards of deleted files) are flushed. */
async function timeOnce(run, outDir) {
  spawnSync('sync')
  const start = process.hrtime.bigint()
  await run(outDir)
  return Number(process.hrtime.bigint() - start) / 1e9
}

/** The order of `count` contenders in `round`: rotated by one each round, so none always runs first. */
export function roundOrder(count, round) {
  return Array.from({ length: count }, (_, k) => (k + round) % count)
}

/**
 * Runs every contender `rounds` times, interleaved and rotated (A B C, B C A, ...) so that a change in
 * the machine's state, or whatever the one before leaves behind, hits them all alike, each into a fresh
 * folder. The row of a contender is its median round; every round is kept for the table, in round order.
 * A contender is `{ name, dir, run(outDir) }`, with `usage()` when its CPU and page faults can be read per round.
 */
export async function compare(contenders, rounds) {
  const present = contenders.filter(Boolean)
  const times = present.map(() => [])
  const usages = present.map(() => [])
  const results = []
  for (let round = 0; round < rounds; round++) {
    for (const i of roundOrder(present.length, round)) {
      const c = present[i]
      const outDir = freshDir(c.dir)
      const before = c.usage?.()
      times[i].push(await timeOnce(c.run, outDir))
      if (before) {
        const after = c.usage()
        usages[i].push({ cpu: after.cpu - before.cpu, faults: after.faults - before.faults })
      }
      results[i] = { name: c.name, ...tally(outDir) }
    }
  }
  return results.map((r, i) => ({
    ...r,
    rounds: times[i],
    seconds: median(times[i]),
    ...(usages[i].length
      ? { cpu: median(usages[i].map((u) => u.cpu)), faults: median(usages[i].map((u) => u.faults)) }
      : {}),
  }))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function runCommand(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`)
}

/** Python from Debian: the `python3` first on PATH here is a separate build without Debian's packages. */
export function debianPython() {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import requests'], { stdio: 'ignore' })
  if (probe.status !== 0) {
    console.error('skipping Python: run `apt-get install python3-requests` (Debian) to include it')
    return undefined
  }
  return '/usr/bin/python3'
}

export const CURL = 'curl --parallel-max 8'
export const PYTHON = 'python requests (5 threads)'

/** The near-limit baseline: curl fetching every URL, 8 at a time. */
export function curlContender(urls, dir) {
  return {
    name: CURL,
    dir,
    run(outDir) {
      const config = join(freshDir(`${dir}-list`), 'curl.cfg')
      writeFileSync(
        config,
        urls.map((u, i) => `url = "${u}"\noutput = "${join(outDir, `f${i}`)}"`).join('\n'),
      )
      runCommand('curl', [
        '--parallel',
        '--parallel-max',
        '8',
        '-sS',
        '--no-progress-meter',
        '--fail',
        '-K',
        config,
      ])
    },
  }
}

/** The Python baseline (pyucalgarysrs' method), or undefined when Debian's python3-requests is missing. */
export function pythonContender(urls, dir) {
  const python = debianPython()
  if (!python) return undefined
  return {
    name: PYTHON,
    dir,
    run(outDir) {
      const list = join(freshDir(`${dir}-list`), 'urls.txt')
      writeFileSync(list, urls.join('\n'))
      runCommand(python, [join(benchDir, 'python-requests-download.py'), list, outDir])
    },
  }
}

/** One row per contender (its median round): files, MB, seconds, rates, speed relative to each baseline, every round. */
export function printTable(results) {
  const found = results.filter(Boolean)
  const bases = [CURL, PYTHON].map((name) => found.find((r) => r.name === name)).filter(Boolean)
  const head = bases.map((b) => `vs ${b.name.split(' ')[0]}`.padStart(10)).join('')
  console.log(
    `\n${'contender'.padEnd(44)} ${'files'.padStart(6)} ${'MB'.padStart(8)} ${'s'.padStart(7)} ${'files/s'.padStart(8)} ${'MB/s'.padStart(8)}${head}   rounds (s)${found.some((r) => r.cpu !== undefined) ? '   [warm processes: median CPU s, page faults per round]' : ''}`,
  )
  for (const r of found) {
    const mb = r.bytes / 1e6
    const ratios = bases.map((b) => `${(b.seconds / r.seconds).toFixed(2)}x`.padStart(10)).join('')
    console.log(
      `${r.name.padEnd(44)} ${String(r.files).padStart(6)} ${mb.toFixed(1).padStart(8)} ${r.seconds.toFixed(2).padStart(7)} ${(r.files / r.seconds).toFixed(0).padStart(8)} ${(mb / r.seconds).toFixed(1).padStart(8)}${ratios}   ${r.rounds.map((t) => t.toFixed(2)).join(' ')}${r.cpu === undefined ? '' : `   [${r.cpu.toFixed(2)} s, ${r.faults} faults]`}`,
    )
  }
}
