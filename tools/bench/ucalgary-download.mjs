// The download benchmark through the UCalgary provider: ucalgary.download of THEMIS_ASI_RAW at one
// site (one file a minute while the imager runs) against the emulator, vs curl --parallel-max 8 and
// Python requests with 5 threads (pyucalgarysrs' method) on the same listing.
// Usage: node ucalgary-download.mjs [hours=34]
import { createHeliokit } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import { freshDir, printTable, startProcessServer, timeCurl, timed, timePython } from './measure.mjs'

const hours = Number(process.argv[2] ?? 34)
const server = await startProcessServer('ucalgary-server.mjs', [])
const hk = createHeliokit({
  providers: [ucalgary({ baseUrl: server.url })],
  transports: [createHttpTransport()],
})
const uc = hk.provider('ucalgary')
const start = new Date(Date.UTC(2022, 0, 1, 0, 0))
const end = new Date(start.getTime() + hours * 3_600_000 - 60_000)
const results = []
try {
  const listing = await uc.urls('THEMIS_ASI_RAW', start, end, { site: 'gill' })
  console.log(
    `THEMIS_ASI_RAW at gill over ${hours} h: ${listing.count} files, ${((listing.totalBytes ?? 0) / 1e6).toFixed(1)} MB`,
  )
  results.push(await timeCurl(listing.urls, 'uc-curl'))
  const outDir = freshDir('uc-heliokit')
  const run = async () => {
    const result = await uc.download('THEMIS_ASI_RAW', start, end, { site: 'gill', outDir })
    if (result.failed.length) throw new Error(`${result.failed.length} files failed`)
  }
  results.push(await timed('heliokit ucalgary.download (listing included)', run, outDir))
  results.push(await timePython(listing.urls, 'uc-python'))
} finally {
  await hk.close()
  server.stop()
}
printTable(results)
