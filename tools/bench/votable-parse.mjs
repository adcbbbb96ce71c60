// One heliokit parse of a VOTable file, streamed from disk (the benchmark's child process).
// Usage: node votable-parse.mjs <file>   prints the row count
import { createReadStream } from 'node:fs'
import { readVotable } from '@heliokit/vo'

const doc = await readVotable(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }))
console.log(doc.tables[0].rowCount)
