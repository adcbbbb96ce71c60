// The library route measured for comparison: fast-xml-parser reads the whole document (TABLEDATA rows as
// objects of strings, no typing) the way the structure is read; prints the row count.
// Usage: node votable-fast-xml-parser.mjs <file>
import { readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  isArray: (name) =>
    name === 'TR' || name === 'TD' || name === 'FIELD' || name === 'RESOURCE' || name === 'TABLE',
})
const doc = parser.parse(readFileSync(process.argv[2], 'utf8'))
console.log(doc.VOTABLE.RESOURCE[0].TABLE[0].DATA.TABLEDATA.TR.length)
