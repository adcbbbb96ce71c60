// The floor for a Node command line: the bare undici loop in a fresh process.
// Usage: node undici-fetch-files.mjs <file of URLs, one a line> <outDir>
import { mkdirSync, readFileSync } from 'node:fs'
import { undiciFiles } from './bare-loop.mjs'

const [list, outDir] = process.argv.slice(2)
mkdirSync(outDir, { recursive: true })
const urls = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((u) => new URL(u))
await undiciFiles(urls, outDir, (i) => `file-${i}.bin`)
