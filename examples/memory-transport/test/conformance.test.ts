import { transportConformance } from '@heliokit/core/testing'
import { test } from 'vitest'
import { memoryTransport } from '../src/index.ts'

const content = new Uint8Array(300_000).map((_, i) => (i * 31 + (i >> 8)) % 251)

transportConformance(test, {
  create: () => memoryTransport({ 'mem://archive/data/file.bin': content }),
  url: () => 'mem://archive/data/file.bin',
  missingUrl: () => 'mem://archive/data/missing.bin',
  content,
})
