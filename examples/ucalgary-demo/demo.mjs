// heliokit demo: a local UCalgary emulator on loopback, then what a scientist does with pyucalgarysrs:
// list datasets and observatories, list an hour of THEMIS all-sky imager data at one site, download it.
// Usage: pnpm demo [output folder]   (default ./heliokit_demo_data)
import { resolve } from 'node:path'
import { createHeliokit } from '@heliokit/core'
import { startUcalgaryEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import { progressBar } from './progress-bar.mjs'

const outDir = resolve(process.argv[2] ?? 'heliokit_demo_data')
const emulator = await startUcalgaryEmulator()
const hk = createHeliokit({
  providers: [ucalgary({ baseUrl: emulator.apiUrl })],
  transports: [createHttpTransport()],
})
try {
  console.log(`UCalgary emulator on ${emulator.apiUrl} (data host ${emulator.dataUrl})\n`)
  const uc = hk.provider('ucalgary')

  const all = await uc.datasets()
  const themis = await uc.datasets({ name: 'THEMIS_ASI' })
  console.log(`${all.length} datasets; the THEMIS ASI ones:`)
  for (const d of themis)
    console.log(
      `  ${d.name.padEnd(28)} ${d.level.padEnd(4)} ${d.fileTimeResolution.padEnd(15)} ${d.shortDescription}`,
    )

  const observatories = await uc.observatories('themis_asi')
  console.log(`\n${observatories.length} THEMIS ASI observatories, e.g.:`)
  for (const o of observatories.slice(0, 6)) {
    console.log(
      `  ${o.uid.padEnd(6)} ${o.fullName.padEnd(28)} ${o.geodeticLatitude.toFixed(2).padStart(7)} ${o.geodeticLongitude.toFixed(2).padStart(8)}`,
    )
  }

  const started = performance.now()
  const listing = await uc.urls('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:59', { site: 'gill' })
  console.log(
    `\nTHEMIS_ASI_RAW at gill, 2022-01-01 06:00-06:59 UTC: ${listing.count} files, ${((listing.totalBytes ?? 0) / 1e6).toFixed(1)} MB`,
  )
  console.log(`  first ${listing.urls[0]}\n  last  ${listing.urls.at(-1)}`)

  console.log(`\nDownloading into ${outDir}`)
  const bar = progressBar()
  const result = await uc.download(listing, { outDir, onProgress: bar.update })
  bar.end()
  const seconds = (performance.now() - started) / 1000
  console.log(
    `\nDone in ${seconds.toFixed(2)} s: ${result.count} files (${result.downloaded} downloaded, ${result.skipped} already there, ${result.failed.length} failed), ${(result.bytes / 1e6).toFixed(1)} MB received`,
  )
  console.log(`Files are under ${result.datasetDir}`)
  for (const warning of result.warnings) console.log(`warning: ${warning}`)
  for (const f of result.failed) console.log(`failed: ${f.path}: ${f.error.message}`)
  process.exitCode = result.failed.length ? 1 : 0
} finally {
  await hk.close()
  await emulator.close()
}
