// One heliokit parse of a VOTable file, streamed from disk (the benchmark's child process); prints the row
// count and the seconds of the readVotable call alone (after Node and the parser's subpath are loaded).
// Usage: node votable-parse.mjs <file>
import { createReadStream } from 'node:fs'
import { readVotable } from '@heliokit/vo/votable'

const start = performance.now()
const doc = await readVotable(createReadStream(process.argv[2]))
console.log(doc.tables[0].rowCount, (performance.now() - start) / 1000)
