import { spawn } from 'node:child_process'
import { startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { afterEach, expect, test } from 'vitest'
import { fixtureFiles, listFiles, tempDir } from './helpers/fixtures.ts'

const servers: TestHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

// The built packages, as a program that uses them runs them (the test target builds them first).
const PROGRAM = `
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
const urls = JSON.parse(process.env.URLS)
const files = urls.map((url, i) => ({ provider: 't', dataset: 'd', url, path: 'f' + i + '.bin', metadata: {} }))
const result = await download(files, { outDir: process.env.OUT, transports: [createHttpTransport()] })
if (result.failed.length) throw new Error(result.failed[0].error.message)
await createHttpTransport().api({ baseUrl: urls[0].replace(/[^/]*$/, '') }).text({ path: 'f0.bin' })
console.log('done')
`

test('a program that downloads and calls the API exits promptly without close()', async () => {
  const { served, paths } = fixtureFiles(20, (i) => 1000 + i * 5000)
  const server = await startFileServer({ files: served })
  servers.push(server)
  const outDir = await tempDir()
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROGRAM], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, URLS: JSON.stringify(paths.map((p) => `${server.url}/${p}`)), OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
  })
  const doneAt = new Promise<number>((resolve) => child.stdout.on('data', () => resolve(performance.now())))
  const exit = await new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: performance.now() })),
  )
  expect(stderr).toBe('')
  expect(exit.code).toBe(0)
  // A socket kept referenced until the client's 4 s idle limit (or the server's 5 s) would hold it longer.
  expect(exit.at - (await doneAt)).toBeLessThan(3_000)
  expect(await listFiles(outDir)).toEqual(paths.map((_, i) => `f${i}.bin`).sort())
})
