// The floor for a Node command line: the bare undici loop in a fresh process.
// Usage: node undici-fetch-files.mjs <file of URLs, one a line> <outDir>
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Agent } from 'undici'
import { eightAtATime, undiciGet } from './bare-loop.mjs'

const [list, outDir] = process.argv.slice(2)
mkdirSync(outDir, { recursive: true })
const urls = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((u) => new URL(u))
const agent = new Agent({ connections: 8 })
await eightAtATime(urls.length, (i) => undiciGet(agent, urls[i], join(outDir, `file-${i}.bin`)))
await agent.close()
