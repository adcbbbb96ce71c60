import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deterministicBytes } from '@heliokit/testkit'
import { expect, test } from 'vitest'
import { openSink, stopWriteThread } from '../src/file-writer.ts'
import { tempDir } from './support/fixtures.ts'

const sharedCopy = (bytes: Uint8Array): Uint8Array => {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 16), 8, bytes.length)
  shared.set(bytes)
  return shared
}

test('plain and shared-memory chunks of several files arrive in order, byte for byte', async () => {
  const dir = await tempDir()
  const a = deterministicBytes('a', 300_000)
  const b = deterministicBytes('b', 300_000)
  const sinkA = openSink(join(dir, 'a'), 'w')
  const sinkB = openSink(join(dir, 'b'), 'w')
  for (let at = 0; at < a.length; at += 70_000) {
    // File a from shared memory (written where it is), file b from plain buffers (copied).
    await sinkA.write(sharedCopy(a.subarray(at, at + 70_000)))
    await sinkB.write(b.subarray(at, at + 70_000))
  }
  await Promise.all([sinkA.close(), sinkB.close()])
  expect((await readFile(join(dir, 'a'))).equals(a)).toBe(true)
  expect((await readFile(join(dir, 'b'))).equals(b)).toBe(true)
})

test('a shared chunk may be reused once its write resolves; a plain one as soon as write returns', async () => {
  const dir = await tempDir()
  const shared = sharedCopy(deterministicBytes('s', 1000))
  const plain = Buffer.from(deterministicBytes('p', 1000))
  const expected = Buffer.concat([shared, plain])
  const sink = openSink(join(dir, 'f'), 'w')
  await sink.write(shared)
  shared.fill(0)
  await sink.write(plain)
  plain.fill(0)
  await sink.close()
  expect((await readFile(join(dir, 'f'))).equals(expected)).toBe(true)
})

test('a kept shared chunk returns at once and is released once written; past 8 MiB kept, a write waits', async () => {
  const dir = await tempDir()
  // 1 MiB buffers holding 1 KiB each: the limit counts the memory kept chunks pin, not their length.
  const chunks = Array.from({ length: 10 }, (_, i) => {
    const chunk = new Uint8Array(new SharedArrayBuffer(1 << 20), 4096, 1024)
    chunk.set(deterministicBytes(`k-${i}`, 1024))
    return chunk
  })
  const released: number[] = []
  const sink = openSink(join(dir, 'f'), 'w')
  const results = chunks.map((chunk, i) => sink.write(chunk, () => () => released.push(i)))
  // Eight chunks fit the kept limit; the ninth and tenth wait for their writes instead.
  expect(results.slice(0, 8)).toEqual(Array(8).fill(undefined))
  expect(results[8]).toBeInstanceOf(Promise)
  expect(released).toEqual([])
  await Promise.all(results)
  await sink.close()
  expect(released).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  expect((await readFile(join(dir, 'f'))).equals(Buffer.concat(chunks))).toBe(true)
})

test('chunks larger than the shared ring, from many files at once, are written whole', async () => {
  const dir = await tempDir()
  const big = Array.from({ length: 4 }, (_, i) => deterministicBytes(`big-${i}`, 20 << 20))
  await Promise.all(
    big.map(async (bytes, i) => {
      const sink = openSink(join(dir, `big-${i}`), 'w')
      await sink.write(bytes)
      await sink.close()
    }),
  )
  for (const [i, bytes] of big.entries()) {
    expect((await readFile(join(dir, `big-${i}`))).equals(bytes)).toBe(true)
  }
})

test("'a' appends to what is there", async () => {
  const dir = await tempDir()
  const path = join(dir, 'f')
  const first = openSink(path, 'w')
  await first.write(Buffer.from('abc'))
  await first.close()
  const second = openSink(path, 'a')
  await second.write(Buffer.from('def'))
  await second.close()
  expect(await readFile(path, 'utf8')).toBe('abcdef')
})

test('a file that cannot be opened fails its close with the system code, and its later writes', async () => {
  const dir = await tempDir()
  const sink = openSink(join(dir, 'missing-folder', 'f'), 'w')
  await sink.write(Buffer.from('x'))
  await expect(sink.close()).rejects.toMatchObject({ code: 'ENOENT' })
  expect(() => sink.write(Buffer.from('y'))).toThrow(expect.objectContaining({ code: 'ENOENT' }))
})

test('a write that fails (a full device) stops the file and leaves other files alone', async () => {
  const dir = await tempDir()
  const full = openSink('/dev/full', 'w')
  const fine = openSink(join(dir, 'fine'), 'w')
  await full.write(Buffer.from('x'))
  await fine.write(Buffer.from('ok'))
  await expect(full.close()).rejects.toMatchObject({ code: 'ENOSPC' })
  await fine.close()
  expect(await readFile(join(dir, 'fine'), 'utf8')).toBe('ok')
})

test("close renames the file when asked, unless a write failed; a failed rename is the file's failure", async () => {
  const dir = await tempDir()
  const sink = openSink(join(dir, 'part'), 'w')
  await sink.write(Buffer.from('done'))
  await sink.close(join(dir, 'final'))
  expect(existsSync(join(dir, 'part'))).toBe(false)
  expect(await readFile(join(dir, 'final'), 'utf8')).toBe('done')

  const full = openSink('/dev/full', 'w')
  await full.write(Buffer.from('x'))
  await expect(full.close(join(dir, 'never'))).rejects.toMatchObject({ code: 'ENOSPC' })
  expect(existsSync(join(dir, 'never'))).toBe(false)

  const nowhere = openSink(join(dir, 'part2'), 'w')
  await nowhere.write(Buffer.from('x'))
  await expect(nowhere.close(join(dir, 'missing-folder', 'final'))).rejects.toMatchObject({ code: 'ENOENT' })
  expect(await readFile(join(dir, 'part2'), 'utf8')).toBe('x')
})

test('a write thread that dies fails what waits on it with a retryable error, and the next file starts a new one', async () => {
  const dir = await tempDir()
  const sink = openSink(join(dir, 'a.part'), 'w')
  await sink.write(Buffer.from('abc'))
  await stopWriteThread()
  const failure = await sink.close(join(dir, 'a')).catch((error: unknown) => error)
  expect(failure).toMatchObject({ code: 'INTERNAL', retryable: true })
  expect((failure as Error).message).toMatch(/write thread exited/)
  expect(existsSync(join(dir, 'a'))).toBe(false)

  const next = openSink(join(dir, 'b.part'), 'w')
  await next.write(Buffer.from('xyz'))
  await next.close(join(dir, 'b'))
  expect(await readFile(join(dir, 'b'), 'utf8')).toBe('xyz')
})
