// The download benchmark through the UCalgary provider: ucalgary.download of THEMIS_ASI_RAW at one
// site (one file a minute) against the emulator, vs Python requests with 5 threads (pyucalgarysrs'
// method) and curl --parallel-max 8 on the same listing. Usage: node ucalgary-download.mjs [hours=34]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHeliokit } from '@heliokit/core'
import { createHttpTransport } from '@heliokit/transport-http'
import { ucalgary } from '@heliokit/ucalgary'
import {
  debianPython,
  freshDir,
  printTable,
  runCommand,
  scratch,
  startProcessServer,
  timed,
} from './measure.mjs'

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
  const curlConfig = join(freshDir('lists'), 'curl.cfg')
  const curlDir = freshDir('uc-curl')
  writeFileSync(
    curlConfig,
    listing.urls.map((u, i) => `url = "${u}"\noutput = "${join(curlDir, `f${i}`)}"`).join('\n'),
  )
  results.push(
    await timed(
      'curl --parallel-max 8',
      () => runCommand('curl', ['--parallel', '--parallel-max', '8', '-sS', '--fail', '-K', curlConfig]),
      curlDir,
    ),
  )

  const hkDir = freshDir('uc-heliokit')
  results.push(
    await timed(
      'heliokit ucalgary.download (listing included)',
      async () => {
        const result = await uc.download('THEMIS_ASI_RAW', start, end, { site: 'gill', outDir: hkDir })
        if (result.failed.length) throw new Error(`${result.failed.length} files failed`)
      },
      hkDir,
    ),
  )

  const python = debianPython()
  if (python) {
    const listFile = join(scratch, 'lists', 'uc-urls.txt')
    writeFileSync(listFile, listing.urls.join('\n'))
    const pyDir = freshDir('uc-python')
    results.push(
      await timed(
        'python requests (5 threads)',
        () => runCommand(python, [join(import.meta.dirname, 'python-requests-download.py'), listFile, pyDir]),
        pyDir,
      ),
    )
  }
} finally {
  await hk.close()
  server.stop()
}
printTable(results, 'python requests (5 threads)')
