import { defineProvider } from '@heliokit/core'
import { describe, expect, it } from 'vitest'

const connect = () => ({})

describe('defineProvider', () => {
  it('infers datasets and files from the methods present', () => {
    expect(defineProvider({ id: 'none', title: 'n', connect }).capabilities).toEqual([])
    expect(defineProvider({ id: 'd', title: 'd', async *datasets() {}, connect }).capabilities).toEqual([
      'datasets',
    ])
    expect(defineProvider({ id: 'f', title: 'f', async *files() {}, connect }).capabilities).toEqual([
      'files',
    ])
    expect(
      defineProvider({ id: 'df', title: 'df', async *datasets() {}, async *files() {}, connect })
        .capabilities,
    ).toEqual(['datasets', 'files'])
  })

  it('adds declared capabilities once each', () => {
    const provider = defineProvider({
      id: 'up',
      title: 'uploads',
      capabilities: ['upload', 'files', 'upload', 'download'],
      async *files() {},
      connect,
    })
    expect(provider.capabilities).toEqual(['files', 'upload', 'download'])
  })

  it('keeps every field it was given and leaves the input alone', () => {
    const init = { id: 'demo', title: 'Demo', async *datasets() {}, connect }
    const provider = defineProvider(init)
    expect(provider).toMatchObject({ id: 'demo', title: 'Demo' })
    expect(provider.datasets).toBe(init.datasets)
    expect(provider.connect).toBe(connect)
    expect('capabilities' in init).toBe(false)
  })
})
