// The scregistry benchmark: an AIA-like dataset of ROWS rows over 13 yearly CSVs in s3rver, every row
// streamed by heliokit (scregistry.files), by the Python client's method (boto3 get_object per year,
// pandas.read_csv, concat, filter) and by DuckDB's read_csv (local copies of the same files). Each
// contender runs in its own process (so peak RSS is its own), in interleaved rounds; rows are the
// median round's. Usage: node scregistry.mjs [rows=1500000] [rounds=3]
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { indexCsv, startS3Server } from '@heliokit/testkit'
import { benchDir, freshDir } from './measure.mjs'

const total = Number(process.argv[2] ?? 1_500_000)
const rounds = Number(process.argv[3] ?? 3)
const BUCKET = 'aia-bench'
const DATASET = 'AIA_BENCH'
const PREFIX = 'sdo/aia/'
const YEARS = Array.from({ length: 13 }, (_, i) => 2010 + i)
const START = '2010-01-01T00:00:00Z'
const STOP = '2023-01-01T00:00:00Z'

// Rows spread evenly over each year, 12 s exposures, sizes of 2-10 MB as AIA level 1 images have.
const seedDir = freshDir('scregistry')
const bucketDir = join(seedDir, BUCKET)
mkdirSync(join(bucketDir, PREFIX), { recursive: true })
const csvPaths = []
let bytes = 0
YEARS.forEach((year, y) => {
  const count = Math.floor(total / YEARS.length) + (y < total % YEARS.length ? 1 : 0)
  const from = Date.UTC(year, 0, 1)
  const step = (Date.UTC(year + 1, 0, 1) - from) / count
  const files = []
  for (let i = 0; i < count; i++) {
    const t = new Date(Math.floor((from + i * step) / 1000) * 1000)
    const iso = t.toISOString()
    const name = `aia_lev1_94a_${iso.slice(0, 19).replace(/[-:]/g, '_').toLowerCase()}z_image_lev1.fits`
    files.push({
      start: iso,
      stop: new Date(t.getTime() + 12_000).toISOString(),
      key: `s3://${BUCKET}/${PREFIX}${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${name}`,
      size: 2_000_000 + ((i * 7919) % 8_000_000),
    })
  }
  const csv = indexCsv(files, { header: 'start,stop,datakey,filesize' })
  bytes += csv.length
  const path = join(bucketDir, PREFIX, `${DATASET}_${year}.csv`)
  writeFileSync(path, csv)
  csvPaths.push(path)
})
writeFileSync(
  join(bucketDir, 'catalog.json'),
  JSON.stringify({
    version: '1.1',
    name: 'bench',
    status: { code: 1200, message: 'OK' },
    catalog: [
      {
        id: DATASET,
        index: `s3://${BUCKET}/${PREFIX}`,
        title: 'AIA-like benchmark dataset',
        start: '2010-01-01T00:00:00Z',
        stop: '2022-12-31T23:59:59Z',
        indextype: 'csv',
        filetype: 'fits',
      },
    ],
  }),
)
console.log(
  `${total.toLocaleString()} rows in ${YEARS.length} yearly CSVs, ${(bytes / 1e6).toFixed(0)} MB; seeding s3rver...`,
)
const s3 = await startS3Server({ seedDir })

const python = spawnSync('/usr/bin/python3', ['-c', 'import boto3, pandas'], { stdio: 'ignore' }).status === 0
if (!python)
  console.error('skipping Python: apt-get install python3-boto3 python3-pandas (Debian) to include it')
const contenders = [
  {
    name: 'heliokit scregistry.files (s3rver)',
    command: process.execPath,
    args: [join(benchDir, 'scregistry-heliokit.mjs'), s3.endpoint, BUCKET, DATASET, START, STOP],
  },
  python && {
    name: 'Python method: boto3 + pandas (s3rver)',
    command: '/usr/bin/python3',
    args: [
      join(benchDir, 'scregistry-python.py'),
      s3.endpoint,
      BUCKET,
      PREFIX,
      DATASET,
      YEARS[0],
      YEARS.at(-1),
      START,
      STOP,
    ],
  },
  {
    name: 'DuckDB read_csv (local files)',
    command: process.execPath,
    args: [join(benchDir, 'scregistry-duckdb.mjs'), START, STOP, ...csvPaths],
  },
].filter(Boolean)

try {
  const runs = contenders.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of contenders.entries()) {
      const out = spawnSync(c.command, c.args, { encoding: 'utf8', maxBuffer: 1 << 20 })
      if (out.status !== 0) throw new Error(`${c.name} failed: ${out.stderr}`)
      const result = JSON.parse(out.stdout.trim().split('\n').at(-1))
      if (result.rows !== total) throw new Error(`${c.name} read ${result.rows} rows, expected ${total}`)
      runs[i].push(result)
    }
  }
  const rowsOf = contenders.map((c, i) => {
    const sorted = [...runs[i]].sort((a, b) => a.seconds - b.seconds)
    const mid = sorted[Math.floor(sorted.length / 2)]
    return {
      name: c.name,
      seconds: mid.seconds,
      rowsPerSecond: total / mid.seconds,
      peakMb: Math.max(...runs[i].map((r) => r.maxRssKb)) / 1024,
      rounds: runs[i].map((r) => r.seconds.toFixed(2)).join(' '),
    }
  })
  const py = rowsOf.find((r) => r.name.startsWith('Python'))
  const duck = rowsOf.find((r) => r.name.startsWith('DuckDB'))
  console.log(
    '\n| contender | median s | rows/s | peak RSS MB | rows/s vs Python | RSS vs Python | rows/s vs DuckDB | rounds (s) |',
  )
  console.log('| --- | --: | --: | --: | --: | --: | --: | --- |')
  for (const r of rowsOf) {
    const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}x` : '-')
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString()} | ${r.peakMb.toFixed(0)} | ${ratio(r.rowsPerSecond, py?.rowsPerSecond)} | ${ratio(r.peakMb, py?.peakMb)} | ${ratio(r.rowsPerSecond, duck?.rowsPerSecond)} | ${r.rounds} |`,
    )
  }
} finally {
  await s3.close()
}
