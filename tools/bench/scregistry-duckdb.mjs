// One DuckDB contender run: read_csv over the same yearly CSVs (local copies: the npm build has no
// httpfs, and extensions cannot be fetched offline), the same overlap filter, rows streamed out in
// chunks. Prints {"rows", "seconds", "maxRssKb"}. Usage: node scregistry-duckdb.mjs <start> <stop> <csv>...
import { readFileSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'

// VmHWM, not getrusage: a child's ru_maxrss starts at its parent's peak on Linux.
const peakRssKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1])

const [start, stop, ...files] = process.argv.slice(2)
const began = process.hrtime.bigint()
const db = await DuckDBInstance.create(':memory:')
const connection = await db.connect()
const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')
const result = await connection.stream(`
  SELECT start, stop, datakey, filesize
  FROM read_csv([${list}], header = true,
    columns = {'start': 'TIMESTAMPTZ', 'stop': 'TIMESTAMPTZ', 'datakey': 'VARCHAR', 'filesize': 'BIGINT'})
  WHERE stop >= TIMESTAMPTZ '${start}' AND start < TIMESTAMPTZ '${stop}'`)
let rows = 0
for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
  rows += chunk.rowCount
}
const seconds = Number(process.hrtime.bigint() - began) / 1e9
connection.closeSync()
console.log(JSON.stringify({ rows, seconds, maxRssKb: peakRssKb() }))
