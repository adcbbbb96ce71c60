// The download benchmark through the UCalgary provider: ucalgary.download of THEMIS_ASI_RAW at one
// site (one file a minute while the imager runs) against the emulator, vs curl --parallel-max 8 and
// Python requests with 5 threads (pyucalgarysrs' method) on the same listing.
// ROUNDS interleaved rounds each; the table shows each contender's median round.
// Usage: node ucalgary-download.mjs [hours=34] [rounds=5]
import { createHeliokit } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import { compare, curlContender, printTable, pythonContender, startProcessServer } from './measure.mjs'

const hours = Number(process.argv[2] ?? 34)
const rounds = Number(process.argv[3] ?? 5)
const server = await startProcessServer('ucalgary-server.mjs', [])
const hk = createHeliokit({
  providers: [ucalgary({ baseUrl: server.url })],
  transports: [createHttpTransport()],
})
const uc = hk.provider('ucalgary')
const start = new Date(Date.UTC(2022, 0, 1, 0, 0))
const end = new Date(start.getTime() + hours * 3_600_000 - 60_000)
try {
  const listing = await uc.urls('THEMIS_ASI_RAW', start, end, { site: 'gill' })
  console.log(
    `THEMIS_ASI_RAW at gill over ${hours} h: ${listing.count} files, ${((listing.totalBytes ?? 0) / 1e6).toFixed(1)} MB`,
  )
  const heliokit = {
    name: 'heliokit ucalgary.download (listing included)',
    dir: 'uc-heliokit',
    async run(outDir) {
      const result = await uc.download('THEMIS_ASI_RAW', start, end, { site: 'gill', outDir })
      if (result.failed.length) throw new Error(`${result.failed.length} files failed`)
    },
  }
  printTable(
    await compare(
      [curlContender(listing.urls, 'uc-curl'), heliokit, pythonContender(listing.urls, 'uc-python')],
      rounds,
    ),
  )
} finally {
  await hk.close()
  server.stop()
}
