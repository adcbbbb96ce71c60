import { describe, expect, it } from 'vitest'
import { readBuffers } from '../src/read-buffers.ts'

describe('readBuffers', () => {
  it('reuses a buffer only once every holder has released it', () => {
    const buffers = readBuffers(4)
    const first = buffers.take()
    first.hold()
    first.hold()
    first.release()
    expect(buffers.take()).not.toBe(first)
    first.release()
    expect(buffers.take()).toBe(first)
  })

  it('keeps at most `keep` free buffers', () => {
    const buffers = readBuffers(1)
    const [a, b] = [buffers.take(), buffers.take()]
    for (const buffer of [a, b]) {
      buffer.hold()
      buffer.release()
    }
    expect(buffers.take()).toBe(a)
    expect(buffers.take()).not.toBe(b)
  })
})
