import {
  createHeliokit,
  defineProvider,
  InvalidInputError,
  type Logger,
  NotFoundError,
  type Provider,
  type ProviderContext,
  silentLogger,
} from '@heliokit/core'
import { describe, expect, it } from 'vitest'
import { fakeTransport } from './helpers/fake-transport.ts'

function counted<const Id extends string>(id: Id) {
  const contexts: ProviderContext[] = []
  const provider = defineProvider({
    id,
    title: `${id} archive`,
    async *datasets() {},
    connect: (ctx) => {
      contexts.push(ctx)
      return { id, hello: (name: string) => `hello ${name} from ${id}` }
    },
  })
  return { provider, contexts }
}

describe('createHeliokit', () => {
  it('gives each provider’s own API through hk.provider(id)', () => {
    const hk = createHeliokit({ providers: [counted('a').provider, counted('b').provider] })
    expect(hk.provider('a').hello('x')).toBe('hello x from a')
    expect(hk.provider('b').hello('y')).toBe('hello y from b')
  })

  it('calls connect lazily, once per client, with the client’s context', () => {
    const { provider, contexts } = counted('a')
    const one = createHeliokit({ providers: [provider] })
    const two = createHeliokit({ providers: [provider] })
    expect(contexts).toHaveLength(0)
    const api = one.provider('a')
    expect(one.provider('a')).toBe(api)
    expect(contexts).toHaveLength(1)
    expect(contexts[0]).toBe(one.context)
    expect(two.provider('a')).not.toBe(api)
    expect(contexts).toHaveLength(2)
    expect(contexts[1]).toBe(two.context)
  })

  it('registers providers at runtime with use(), returning the same client', () => {
    const hk = createHeliokit()
    const same = hk.use(counted('late').provider)
    expect(same).toBe(hk)
    expect(same.provider('late').id).toBe('late')
  })

  it('raises NOT_FOUND listing the registered ids for an unknown id', () => {
    const hk = createHeliokit({ providers: [counted('a').provider, counted('b').provider] })
    let error: unknown
    try {
      hk.provider('nope' as 'a')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).toBe(
      '[heliokit] no provider "nope" is registered (registered: "a", "b")',
    )
    expect(() => createHeliokit().provider('x' as never)).toThrow('(registered: none)')
  })

  it('rejects a second provider with the same id', () => {
    const hk = createHeliokit({ providers: [counted('a').provider] })
    expect(() => hk.use(counted('a').provider)).toThrow(InvalidInputError)
    expect(() => createHeliokit({ providers: [counted('b').provider, counted('b').provider] })).toThrow(
      'provider "b" is already registered',
    )
  })

  it.each([
    ['null', null],
    ['an object without connect', { id: 'x', title: 'x' }],
    ['an object without an id', { title: 'x', connect: () => ({}) }],
  ])('rejects %s as a provider with INVALID_INPUT', (_, value) => {
    expect(() => createHeliokit().use(value as unknown as Provider)).toThrow(InvalidInputError)
  })

  it('lists the providers with their capabilities', () => {
    const uploads = defineProvider({
      id: 'up',
      title: 'Uploads',
      capabilities: ['upload'],
      connect: () => ({}),
    })
    const hk = createHeliokit({ providers: [counted('a').provider] }).use(uploads)
    expect(hk.providers()).toEqual([
      { id: 'a', title: 'a archive', capabilities: ['datasets'] },
      { id: 'up', title: 'Uploads', capabilities: ['upload'] },
    ])
  })

  it('gives providers the transports and logger, including transports added later', () => {
    const logger: Logger = { ...silentLogger }
    const https = fakeTransport('http', ['http:', 'https:'])
    const hk = createHeliokit({ transports: [https], logger })
    expect(hk.context.logger).toBe(logger)
    expect(hk.context.transportFor('https://x.org')).toBe(https)
    const s3 = fakeTransport('s3', ['s3:'])
    const override = fakeTransport('proxy', ['https:'])
    expect(hk.useTransport(s3).useTransport(override)).toBe(hk)
    expect(hk.context.transportFor('s3://b/k')).toBe(s3)
    expect(hk.context.transportFor('https://x.org')).toBe(override)
    expect(hk.context.transports).toEqual([https, s3, override])
  })

  it('closes every transport that holds resources, even if one fails to', async () => {
    const closed: string[] = []
    const hk = createHeliokit({
      transports: [
        fakeTransport('a', ['a:'], async () => {
          closed.push('a')
        }),
        fakeTransport('b', ['b:'], async () => {
          throw new Error('close failed')
        }),
        fakeTransport('plain', ['p:']),
      ],
    })
    hk.useTransport(
      fakeTransport('c', ['c:'], async () => {
        closed.push('c')
      }),
    )
    await expect(hk.close()).resolves.toBeUndefined()
    expect(closed).toEqual(['a', 'c'])
  })
})
