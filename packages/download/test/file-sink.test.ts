import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deterministicBytes } from '@heliokit/testkit'
import { expect, test } from 'vitest'
import { FileSink } from '../src/file-sink.ts'
import { tempDir } from './helpers/fixtures.ts'

test('chunks of several files interleaved arrive in order, byte for byte', async () => {
  const dir = await tempDir()
  const a = deterministicBytes('a', 300_000)
  const b = deterministicBytes('b', 300_000)
  const sinkA = new FileSink(join(dir, 'a'), false)
  const sinkB = new FileSink(join(dir, 'b'), false)
  for (let at = 0; at < a.length; at += 70_000) {
    sinkA.write(a.subarray(at, at + 70_000))
    sinkB.write(b.subarray(at, at + 70_000))
  }
  sinkA.close()
  sinkB.close()
  expect((await readFile(join(dir, 'a'))).equals(a)).toBe(true)
  expect((await readFile(join(dir, 'b'))).equals(b)).toBe(true)
})

test('appending continues what is there; truncating starts over', async () => {
  const dir = await tempDir()
  const path = join(dir, 'f')
  const first = new FileSink(path, false)
  first.write(Buffer.from('abc'))
  first.close()
  const second = new FileSink(path, true)
  second.write(Buffer.from('def'))
  second.close()
  expect(await readFile(path, 'utf8')).toBe('abcdef')
  const third = new FileSink(path, false)
  third.write(Buffer.from('x'))
  third.close()
  expect(await readFile(path, 'utf8')).toBe('x')
})

test('a file that cannot be opened, or a full device, fails with the system code', async () => {
  const dir = await tempDir()
  expect(() => new FileSink(join(dir, 'missing-folder', 'f'), false)).toThrow(
    expect.objectContaining({ code: 'ENOENT' }),
  )
  const full = new FileSink('/dev/full', false)
  expect(() => full.write(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'ENOSPC' }))
  full.close()
})

test('commit renames the closed file into place; a failed rename leaves the temp file', async () => {
  const dir = await tempDir()
  const sink = new FileSink(join(dir, 'part'), false)
  sink.write(Buffer.from('done'))
  sink.commit(join(dir, 'final'))
  expect(existsSync(join(dir, 'part'))).toBe(false)
  expect(await readFile(join(dir, 'final'), 'utf8')).toBe('done')

  const nowhere = new FileSink(join(dir, 'part2'), false)
  nowhere.write(Buffer.from('x'))
  expect(() => nowhere.commit(join(dir, 'missing-folder', 'final'))).toThrow(
    expect.objectContaining({ code: 'ENOENT' }),
  )
  expect(await readFile(join(dir, 'part2'), 'utf8')).toBe('x')
  expect(() => nowhere.write(Buffer.from('y'))).toThrow(/closed/)
})
