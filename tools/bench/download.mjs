// Download benchmark: COUNT files of SIZE bytes from a local HTTP server, heliokit vs
// `curl --parallel --parallel-max 8` (the near-limit baseline) vs Python requests with 5 threads.
// Usage: node download.mjs [count=2000] [size=262144]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import {
  debianPython,
  freshDir,
  printTable,
  runCommand,
  scratch,
  startProcessServer,
  timed,
} from './measure.mjs'

const count = Number(process.argv[2] ?? 2000)
const size = Number(process.argv[3] ?? 262_144)
const server = await startProcessServer('file-server.mjs', [count, size])
const urls = Array.from({ length: count }, (_, i) => `${server.url}/data/file-${i}.bin`)
const results = []
try {
  const curlConfig = join(freshDir('lists'), 'curl.cfg')
  const curlDir = freshDir('curl')
  writeFileSync(
    curlConfig,
    urls.map((u) => `url = "${u}"\noutput = "${join(curlDir, u.split('/').at(-1))}"`).join('\n'),
  )
  results.push(
    await timed(
      'curl --parallel-max 8',
      () => runCommand('curl', ['--parallel', '--parallel-max', '8', '-sS', '--fail', '-K', curlConfig]),
      curlDir,
    ),
  )

  const hkDir = freshDir('heliokit')
  const files = urls.map((url, i) => ({
    provider: 'bench',
    dataset: 'bench',
    url,
    path: `file-${i}.bin`,
    size,
    metadata: {},
  }))
  const transport = createHttpTransport()
  results.push(
    await timed(
      'heliokit download (concurrency 8)',
      async () => {
        const result = await download(files, { outDir: hkDir, transports: [transport], concurrency: 8 })
        if (result.failed.length)
          throw new Error(`${result.failed.length} files failed: ${result.failed[0].error.message}`)
      },
      hkDir,
    ),
  )
  await transport.close?.()

  const python = debianPython()
  if (python) {
    const listFile = join(scratch, 'lists', 'urls.txt')
    writeFileSync(listFile, urls.join('\n'))
    const pyDir = freshDir('python')
    results.push(
      await timed(
        'python requests (5 threads)',
        () => runCommand(python, [join(import.meta.dirname, 'python-requests-download.py'), listFile, pyDir]),
        pyDir,
      ),
    )
  }
} finally {
  server.stop()
}
printTable(results, 'curl --parallel-max 8')
const hk = results.find((r) => r.name.startsWith('heliokit'))
const py = results.find((r) => r.name.startsWith('python'))
if (hk && py) console.log(`heliokit vs python requests: ${(py.seconds / hk.seconds).toFixed(2)}x`)
