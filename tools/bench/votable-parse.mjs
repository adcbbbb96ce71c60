// One heliokit parse of a VOTable file from disk (the benchmark's child process), with readVotableFile, what
// a user calls for a file; prints the row count and the seconds of that call alone (after Node and the
// parser's subpath are loaded).
// Usage: node votable-parse.mjs <file>
import { readVotableFile } from '@heliokit/vo/votable/node'

const start = performance.now()
const doc = await readVotableFile(process.argv[2])
console.log(doc.tables[0].rowCount, (performance.now() - start) / 1000)
