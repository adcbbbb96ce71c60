// VOTable parsing: a 200,000-row, 30-column table in TABLEDATA and in BINARY2, read by heliokit
// (readVotableFile), astropy.io.votable and STILTS (`tpipe omode=count`), each in its own process under
// /usr/bin/time for wall time, CPU time and peak RSS, in interleaved rounds in rotated order; heliokit
// and astropy also report the seconds of the parse call alone (without starting the process and its imports).
// `--baseline=<tools/bench of another checkout>` adds that checkout's heliokit child (before/after in one run).
// Usage: node votable.mjs [rows=200000] [rounds=3] [--baseline=<dir>]
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { writeVotable } from '@heliokit/vo'
import { benchDir, freshDir, roundOrder } from './measure.mjs'

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'))
const [rowsArg, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const rows = Number(rowsArg ?? 200_000)
const rounds = Number(roundsArg ?? 3)
const baseline = flags.find((f) => f.startsWith('--baseline='))?.slice('--baseline='.length)
const dir = freshDir('votable')

// A catalogue-like mix: ids, positions and fluxes, flags, names; 30 columns.
const kinds = [
  ['long', (i) => BigInt(i) * 1_000_003n],
  ['int', (i) => i],
  ['double', (i) => 180 + Math.sin(i) * 179.9],
  ['double', (i) => Math.cos(i) * 89.9],
  ['float', (i) => Math.fround(Math.sqrt(i) / 7)],
  ['short', (i) => (i % 30000) - 15000],
  ['char', (i) => `J${(i * 7919).toString(36).toUpperCase()}+${i % 90}`],
  ['boolean', (i) => i % 3 === 0],
  ['unsignedByte', (i) => i % 256],
  ['double', (i) => i / 86400 + 51544],
]
const fields = []
const columns = []
for (let c = 0; c < 30; c++) {
  const [datatype, make] = kinds[c % kinds.length]
  fields.push({ name: `c${c}_${datatype}`, datatype, ...(datatype === 'char' ? { arraysize: '*' } : {}) })
  columns.push(Array.from({ length: rows }, (_, i) => make(i + c)))
}
const files = {}
for (const encoding of ['TABLEDATA', 'BINARY2']) {
  files[encoding] = join(dir, `table-${encoding.toLowerCase()}.vot`)
  writeFileSync(files[encoding], writeVotable({ name: 'bench', fields, columns }, { encoding }))
}
columns.length = 0

/** Runs a command under GNU time; returns wall seconds, CPU seconds (user + system), peak RSS in MB and stdout. */
function timed(command, args) {
  const report = join(dir, 'time.txt')
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', report, command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-2000)}`)
  const [seconds, kb, user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number)
  return { seconds, cpuSeconds: user + system, peakMb: kb / 1024, stdout: result.stdout }
}

/** A heliokit child (votable-parse.mjs of a bench folder): prints the row count and the call's seconds. */
const heliokit = (name, dir) => ({
  name,
  run: (f) => timed(process.execPath, [join(dir, 'votable-parse.mjs'), f]),
  count: (o) => Number(o.trim().split(/\s+/)[0]),
  callSeconds: (o) => Number(o.trim().split(/\s+/)[1]),
})

const contenders = [
  heliokit('heliokit readVotableFile', benchDir),
  {
    name: 'astropy.io.votable',
    run: (f) => timed('/usr/bin/python3', [join(benchDir, 'votable-astropy.py'), f]),
    count: (o) => Number(o.trim().split(/\s+/)[0]),
    callSeconds: (o) => Number(o.trim().split(/\s+/)[1]),
  },
  {
    name: 'STILTS tpipe omode=count',
    run: (f) => timed('stilts', ['tpipe', `in=${f}`, 'ifmt=votable', 'omode=count']),
    count: (o) => Number(/rows:\s*(\d+)/i.exec(o)?.[1] ?? o.trim().split(/\s+/).pop()),
  },
  ...(baseline ? [heliokit('heliokit, baseline checkout', baseline)] : []),
]

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const ratio = (a, b) => `${(a / b).toFixed(2)}x`
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

console.log(`load average at start: ${load()}`)
for (const encoding of ['TABLEDATA', 'BINARY2']) {
  const file = files[encoding]
  console.log(
    `\n${encoding}: ${rows} rows x 30 columns, ${(statSync(file).size / 1e6).toFixed(1)} MB, ${rounds} rounds`,
  )
  const runs = contenders.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const i of roundOrder(contenders.length, round)) {
      const c = contenders[i]
      const r = c.run(file)
      const counted = c.count(r.stdout)
      if (counted !== rows) throw new Error(`${c.name} counted ${counted} rows, expected ${rows}`)
      runs[i].push({ ...r, callSeconds: c.callSeconds?.(r.stdout) })
    }
  }
  const results = contenders.map((c, i) => {
    const seconds = median(runs[i].map((r) => r.seconds))
    const call = c.callSeconds ? median(runs[i].map((r) => r.callSeconds)) : undefined
    return {
      name: c.name,
      seconds,
      cpuSeconds: median(runs[i].map((r) => r.cpuSeconds)),
      peakMb: Math.max(...runs[i].map((r) => r.peakMb)),
      rowsPerSecond: rows / seconds,
      callRowsPerSecond: call && rows / call,
      call,
      rounds: runs[i].map((r) => r.seconds.toFixed(2)).join(' '),
    }
  })
  const [hk, astropy, stilts, before] = results
  console.log(
    `${'contender'.padEnd(32)} ${'s'.padStart(7)} ${'CPU s'.padStart(7)} ${'rows/s'.padStart(10)} ${'peak MB'.padStart(9)} ${'call s'.padStart(7)} ${'call rows/s'.padStart(12)}  rounds (s)`,
  )
  for (const r of results) {
    console.log(
      `${r.name.padEnd(32)} ${r.seconds.toFixed(2).padStart(7)} ${r.cpuSeconds.toFixed(2).padStart(7)} ${r.rowsPerSecond.toFixed(0).padStart(10)} ${r.peakMb.toFixed(0).padStart(9)} ${(r.call?.toFixed(2) ?? '-').padStart(7)} ${(r.callRowsPerSecond?.toFixed(0) ?? '-').padStart(12)}  ${r.rounds}`,
    )
  }
  console.log(
    `heliokit, whole process: ${ratio(hk.rowsPerSecond, astropy.rowsPerSecond)} astropy's rows/s, ${ratio(hk.rowsPerSecond, stilts.rowsPerSecond)} STILTS's; ` +
      `CPU: ${ratio(astropy.cpuSeconds, hk.cpuSeconds)} less than astropy, ${ratio(stilts.cpuSeconds, hk.cpuSeconds)} less than STILTS; ` +
      `peak memory: ${ratio(hk.peakMb, astropy.peakMb)} astropy's, ${ratio(hk.peakMb, stilts.peakMb)} STILTS's`,
  )
  // Each round's heliokit and astropy ran minutes apart at most, under the same load.
  const perRound = runs[1].map((a, r) => a.seconds / runs[0][r].seconds)
  console.log(
    `heliokit, parse call alone: ${ratio(hk.callRowsPerSecond, astropy.callRowsPerSecond)} astropy's rows/s`,
  )
  console.log(
    `heliokit, whole process per round vs astropy: ${perRound.map((x) => x.toFixed(2)).join(' ')} ` +
      `(${perRound.filter((x) => x >= 10).length} of ${rounds} at 10x or more)`,
  )
  if (before) {
    console.log(
      `baseline checkout, whole process: ${ratio(before.rowsPerSecond, astropy.rowsPerSecond)} astropy's rows/s, ` +
        `${ratio(before.rowsPerSecond, stilts.rowsPerSecond)} STILTS's; this checkout ${ratio(hk.rowsPerSecond, before.rowsPerSecond)} its rows/s`,
    )
  }
}
console.log(`\nload average at end: ${load()}`)
