import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deterministicBytes } from '@heliokit/testkit'
import { expect, test } from 'vitest'
import { openSink, stopWriteThread } from '../src/file-writer.ts'
import { tempDir } from './support/fixtures.ts'

test('chunks of several files arrive in order, byte for byte, and may be reused once write returns', async () => {
  const dir = await tempDir()
  const a = deterministicBytes('a', 300_000)
  const b = deterministicBytes('b', 300_000)
  const sinkA = openSink(join(dir, 'a'), 'w')
  const sinkB = openSink(join(dir, 'b'), 'w')
  const chunk = Buffer.alloc(70_000)
  for (let at = 0; at < a.length; at += 70_000) {
    for (const [sink, bytes] of [
      [sinkA, a],
      [sinkB, b],
    ] as const) {
      const piece = bytes.subarray(at, at + 70_000)
      chunk.set(piece)
      await sink.write(chunk.subarray(0, piece.length))
      chunk.fill(0)
    }
  }
  await Promise.all([sinkA.close(), sinkB.close()])
  expect((await readFile(join(dir, 'a'))).equals(a)).toBe(true)
  expect((await readFile(join(dir, 'b'))).equals(b)).toBe(true)
})

test('chunks larger than the ring, from many files at once, are written whole', async () => {
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
