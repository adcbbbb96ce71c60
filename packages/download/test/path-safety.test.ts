import { mkdir, symlink } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { type DataFile, isHeliokitError } from '@heliokit/core'
import { deterministicBytes, serveBytes, startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import fc from 'fast-check'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { relativePathFor, resolveInside } from '../src/local-path.ts'
import { dataFile, listFiles, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

/** Answers every path with the same bytes, so only the local checks can stop a write. */
function serveEverything(): Promise<TestHttpServer> {
  const bytes = deterministicBytes('x', 100)
  return startHttpServer((req, res) => serveBytes(req, res, bytes))
}

test('paths and URLs that would leave outDir fail with INVALID_INPUT and nothing is written outside', async () => {
  server = await serveEverything()
  const parent = await tempDir()
  const outDir = join(parent, 'out')
  const u = server.url
  const hostile: DataFile[] = [
    dataFile(u, 'ok.bin', { path: '../evil1.bin' }),
    dataFile(u, 'ok.bin', { path: 'a/../../evil2.bin' }),
    dataFile(u, 'ok.bin', { path: '/tmp/evil3.bin' }),
    dataFile(u, 'ok.bin', { path: 'a\\..\\..\\evil4.bin' }),
    dataFile(u, 'ok.bin', { path: 'C:/evil5.bin' }),
    dataFile(u, 'ok.bin', { path: 'a/\0/evil6.bin' }),
    dataFile(u, 'ok.bin', { path: 'a/./evil7.bin' }),
    dataFile(u, 'ok.bin', { path: 'x.bin.heliokit-part' }),
    { ...dataFile(u, 'a/..%2F..%2Fevil8.bin'), path: '' },
    { ...dataFile(u, 'a%5c..%5c..%5cevil9.bin'), path: '' },
    { ...dataFile(u, 'a/%00evil10.bin'), path: '' },
    { ...dataFile(u, 'dir/'), path: '' },
  ]
  const result = await download(hostile, {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
  })

  expect(result.failed.map((f) => f.error.code)).toEqual(hostile.map(() => 'INVALID_INPUT'))
  // Rejected before any request.
  expect(server.requests).toHaveLength(0)
  expect(await listFiles(parent)).toEqual([])
})

test('URLs whose dot segments the URL parser resolves land inside outDir', async () => {
  server = await serveEverything()
  const parent = await tempDir()
  const outDir = join(parent, 'out')
  const files = ['a/../../etc/passwd', '%2e%2e/%2e%2e/etc/shadow', '/abs/file.bin'].map((p) => ({
    ...dataFile(server!.url, p),
    path: '',
  }))
  const result = await download(files, { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] })

  expect(result.failed).toEqual([])
  expect(await listFiles(parent)).toEqual(['out/abs/file.bin', 'out/etc/passwd', 'out/etc/shadow'])
})

test('a symlinked folder leading outside outDir is refused', async () => {
  server = await serveEverything()
  const parent = await tempDir()
  const outDir = join(parent, 'out')
  await mkdir(join(parent, 'elsewhere'))
  await mkdir(outDir)
  await symlink(join(parent, 'elsewhere'), join(outDir, 'link'))

  const result = await download([dataFile(server.url, 'link/x.bin')], {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
  })
  expect(result.failed.map((f) => f.error.code)).toEqual(['INVALID_INPUT'])
  expect(await listFiles(join(parent, 'elsewhere'))).toEqual([])
})

test('any path either resolves strictly inside outDir or is rejected as INVALID_INPUT', () => {
  const root = join(sep, 'srv', 'out')
  const segment = fc.constantFrom('..', '.', '', 'a', 'b.bin', '%2e%2e', '\\', '..\\..', 'C:', '\0', '/')
  const path = fc.oneof(
    fc.string(),
    fc.array(segment, { maxLength: 6 }).map((s) => s.join('/')),
  )
  fc.assert(
    fc.property(path, fc.boolean(), (p, viaUrl) => {
      const file = viaUrl
        ? dataFile('https://h', encodeURI(p).replaceAll('%25', '%'), { path: '' })
        : dataFile('https://h', 'x', { path: p })
      let full: string
      try {
        full = resolveInside(root, relativePathFor(file, new URL(file.url)))
      } catch (error) {
        return isHeliokitError(error) && error.code === 'INVALID_INPUT'
      }
      return full.startsWith(root + sep) && !full.slice(root.length).split(sep).includes('..')
    }),
    { numRuns: 2000 },
  )
})
