import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type ByteRange,
  createHeliokit,
  type DataFile,
  ErrorCode,
  NetworkError,
  type OpenedResource,
  type Transport,
} from '@heliokit/core'
import { download } from '@heliokit/download'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { type MemoryTransport, memoryTransport } from '../src/index.ts'

const bytesOf = (n: number, seed: number): Uint8Array =>
  new Uint8Array(n).map((_, i) => (i * seed + 17) % 251)

let outDir: string
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'heliokit-mem-'))
})
afterEach(() => rm(outDir, { recursive: true, force: true }))

/** The objects under a prefix as the DataFiles a provider would list. */
async function filesUnder(store: MemoryTransport, prefix: string): Promise<DataFile[]> {
  const files: DataFile[] = []
  for await (const object of store.list(new URL(prefix))) {
    files.push({
      provider: 'demo',
      dataset: 'DEMO',
      url: object.url.href,
      path: object.key,
      size: object.size,
      metadata: {},
    })
  }
  return files
}

async function expectOnDisk(path: string, expected: Uint8Array): Promise<void> {
  const onDisk = await readFile(join(outDir, path))
  expect(onDisk.length).toBe(expected.length)
  expect(Buffer.compare(onDisk, expected)).toBe(0)
}

test('@heliokit/download writes the listed objects to disk through the client, byte for byte', async () => {
  const objects = {
    'mem://archive/2024/01/a.bin': bytesOf(1_500_000, 7),
    'mem://archive/2024/01/b.bin': bytesOf(70_000, 11),
    'mem://archive/2024/02/c dir/c.bin': bytesOf(5, 13),
    'mem://archive/2024/02/empty.bin': new Uint8Array(0),
  }
  const store = memoryTransport(objects)
  const hk = createHeliokit({ transports: [store] })
  const files = await filesUnder(store, 'mem://archive/2024/')
  expect(files).toHaveLength(4)

  const result = await download(files, { context: hk.context, outDir })
  expect(result.failed).toEqual([])
  expect(result.files).toMatchObject({ total: 4, downloaded: 4 })
  for (const [url, body] of Object.entries(objects))
    await expectOnDisk(url.slice('mem://archive/'.length), body)

  const again = await download(files, { transports: [store], outDir })
  expect(again.files).toMatchObject({ skipped: 4, downloaded: 0 })
})

test('a missing object fails as NOT_FOUND without stopping the others', async () => {
  const store = memoryTransport({ 'mem://archive/here.bin': bytesOf(1000, 3) })
  const files: DataFile[] = ['here.bin', 'gone.bin'].map((path) => ({
    provider: 'demo',
    dataset: 'DEMO',
    url: `mem://archive/${path}`,
    path,
    metadata: {},
  }))
  const result = await download(files, { transports: [store], outDir })
  expect(result.downloaded.map((d) => d.file.path)).toEqual(['here.bin'])
  expect(result.failed.map((f) => [f.file.path, f.error.code])).toEqual([['gone.bin', ErrorCode.NOT_FOUND]])
  await expectOnDisk('here.bin', bytesOf(1000, 3))
})

test('a body broken part-way is resumed with a range request', async () => {
  const content = bytesOf(3_000_000, 5)
  const { transport, opens } = breaksOnce(memoryTransport({ 'mem://archive/big.bin': content }), 1_048_576)
  const file = {
    provider: 'demo',
    dataset: 'DEMO',
    url: 'mem://archive/big.bin',
    path: 'big.bin',
    metadata: {},
  }
  const result = await download([file], { transports: [transport], outDir, retry: { baseDelayMs: 1 } })
  expect(result.failed).toEqual([])
  expect(result.downloaded[0]?.attempts).toBe(2)
  const [first, second] = opens
  expect(first).toEqual({ asked: undefined, served: undefined })
  expect(second?.asked?.start).toBeGreaterThanOrEqual(1_048_576)
  expect(second?.served).toEqual({ start: second?.asked?.start, end: content.length - 1 })
  await expectOnDisk('big.bin', content)
})

interface Open {
  readonly asked: ByteRange | undefined
  readonly served: OpenedResource['range']
}

/** `inner` whose first body fails as a dropped connection once `after` bytes are read; each open's ranges. */
function breaksOnce(inner: Transport, after: number): { transport: Transport; opens: Open[] } {
  const opens: Open[] = []
  const transport: Transport = {
    ...inner,
    async open(url, options) {
      const opened = await inner.open(url, options)
      opens.push({ asked: options?.range, served: opened.range })
      return opens.length === 1 ? cutAfter(opened, after) : opened
    },
  }
  return { transport, opens }
}

function cutAfter(opened: OpenedResource, after: number): OpenedResource {
  const reader = opened.body.getReader()
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= after) {
        await reader.cancel()
        return controller.error(new NetworkError('connection reset', { retryable: true }))
      }
      const next = await reader.read()
      if (next.done) return controller.close()
      sent += next.value.length
      controller.enqueue(next.value)
    },
  })
  const { size, length, range, etag, contentType } = opened
  return { body, size, length, range, etag, contentType }
}
