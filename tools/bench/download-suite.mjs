// Every download figure in one run: 2,000 x 256 KiB, 20,000 x 16 KiB and one 1 GiB file, each with
// curl in the same run, then the ratios heliokit / curl (speed; above 1 is faster than curl).
// Usage: node download-suite.mjs [rounds=5]
import {
  benchDownloadSet,
  HELIOKIT_FRESH,
  HELIOKIT_TRIM,
  HELIOKIT_WARM,
  UNDICI_WARM,
} from './download-set.mjs'
import { CURL } from './measure.mjs'

const rounds = Number(process.argv[2] ?? 5)
// curl is the baseline of every figure here; `download.mjs` adds Python requests to one set.
const sets = [
  { count: 2000, size: 256 * 1024, rounds, python: false },
  { count: 20_000, size: 16 * 1024, rounds, python: false },
  { count: 1, size: 1 << 30, rounds, python: false },
]
const summary = []
for (const set of sets) {
  const { label, results } = await benchDownloadSet(set)
  const seconds = (name) => results.find((r) => r?.name === name)?.seconds
  const curl = seconds(CURL)
  summary.push({
    set: label,
    'curl s': curl.toFixed(2),
    'warm process s': seconds(HELIOKIT_WARM).toFixed(2),
    'warm / curl': `${(curl / seconds(HELIOKIT_WARM)).toFixed(2)}x`,
    'warm, trim threshold / curl': `${(curl / seconds(HELIOKIT_TRIM)).toFixed(2)}x`,
    'bare undici / curl': `${(curl / seconds(UNDICI_WARM)).toFixed(2)}x`,
    'fresh process s': seconds(HELIOKIT_FRESH).toFixed(2),
    'fresh process / curl': `${(curl / seconds(HELIOKIT_FRESH)).toFixed(2)}x`,
  })
}
console.log('\n## Summary (median rounds; ratio = curl seconds / heliokit seconds)')
console.table(summary)
