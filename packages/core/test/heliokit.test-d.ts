import {
  type ApiOf,
  type Capability,
  createHeliokit,
  type DataFile,
  type DatasetInfo,
  defineProvider,
  type ErrorCode,
  type HeliokitError,
  NotFoundError,
  type OpenedResource,
  type Outcome,
  type Provider,
  type ProviderInit,
  parseInput,
  type ResourceInfo,
  type Transport,
} from '@heliokit/core'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'

interface RegistryApi {
  ping(): 'pong'
}

declare module '@heliokit/core' {
  interface ProviderRegistry {
    'registry-demo': RegistryApi
  }
}

const demo = defineProvider({
  id: 'demo',
  title: 'Demo',
  connect: () => ({ hello: (n: string) => n.length }),
})

const other = defineProvider({
  id: 'other',
  title: 'Other',
  // biome-ignore lint/correctness/useYield: only its signature matters here
  async *files(query) {
    expectTypeOf(query.dataset).toEqualTypeOf<string>()
  },
  connect: () => ({ search: async (text: string): Promise<string[]> => [text] }),
})

describe('defineProvider', () => {
  it('keeps the literal id and the API type', () => {
    expectTypeOf(demo.id).toEqualTypeOf<'demo'>()
    expectTypeOf(demo).toExtend<Provider<'demo', { hello: (n: string) => number }>>()
    expectTypeOf(other.connect).returns.toEqualTypeOf<{ search: (text: string) => Promise<string[]> }>()
  })

  it('checks the capability methods’ signatures', () => {
    defineProvider({
      id: 'bad',
      title: 'Bad',
      // @ts-expect-error datasets must yield DatasetInfo
      async *datasets() {
        yield 1
      },
      connect: () => ({}),
    })
    // @ts-expect-error a provider needs connect()
    defineProvider({ id: 'no-connect', title: 'x' })
  })
})

describe('the Transport and Provider interfaces', () => {
  it('a transport serves schemes and has stat and open; list and close are optional', () => {
    expectTypeOf<Transport['stat']>().returns.toEqualTypeOf<Promise<ResourceInfo>>()
    expectTypeOf<Transport['open']>().returns.toEqualTypeOf<Promise<OpenedResource>>()
    expectTypeOf<OpenedResource['body']>().toEqualTypeOf<ReadableStream<Uint8Array>>()
    const minimal: Transport = {
      id: 'mem',
      schemes: ['mem:'],
      stat: async () => ({ acceptsRanges: false }),
      open: async () => ({ body: new ReadableStream<Uint8Array>() }),
    }
    void minimal
    // @ts-expect-error open is required
    const noOpen: Transport = { id: 'x', schemes: [], stat: async () => ({ acceptsRanges: true }) }
    void noOpen
  })

  it('a provider is a ProviderInit with its capabilities filled in', () => {
    expectTypeOf<Provider<'x', number>>().toExtend<ProviderInit<'x', number>>()
    expectTypeOf<ProviderInit<'x', number>>().not.toExtend<Provider<'x', number>>()
    expectTypeOf(demo.capabilities).toEqualTypeOf<readonly Capability[]>()
  })
})

describe('hk.provider(id)', () => {
  it('returns the provider’s own API with full types', () => {
    const hk = createHeliokit({ providers: [demo] })
    expectTypeOf(hk.provider('demo').hello).toEqualTypeOf<(n: string) => number>()
    // @ts-expect-error hello takes a string
    hk.provider('demo').hello(5)
  })

  it('types every provider given in the options', () => {
    const hk = createHeliokit({ providers: [demo, other] })
    expectTypeOf(hk.provider('demo').hello).parameters.toEqualTypeOf<[string]>()
    expectTypeOf(hk.provider('other').search).toEqualTypeOf<(text: string) => Promise<string[]>>()
  })

  it('types both providers after use()', () => {
    const hk = createHeliokit({ providers: [demo] }).use(other)
    expectTypeOf(hk.provider('demo').hello).parameters.toEqualTypeOf<[string]>()
    expectTypeOf(hk.provider('other').search).returns.resolves.toEqualTypeOf<string[]>()
    const fromEmpty = createHeliokit().use(demo).use(other)
    expectTypeOf(fromEmpty.provider('other').search).parameters.toEqualTypeOf<[string]>()
  })

  it('rejects an id that was never registered', () => {
    const hk = createHeliokit({ providers: [demo] })
    // @ts-expect-error 'nope' is not registered
    hk.provider('nope')
    // @ts-expect-error 'other' is only registered on a wider client
    createHeliokit().provider('other')
  })

  it('types a lookup through the ProviderRegistry augmentation', () => {
    const hk = createHeliokit()
    expectTypeOf(hk.provider('registry-demo')).toEqualTypeOf<RegistryApi>()
    expectTypeOf(hk.provider('registry-demo').ping).returns.toEqualTypeOf<'pong'>()
    expectTypeOf(createHeliokit({ providers: [demo] }).provider('registry-demo')).toEqualTypeOf<RegistryApi>()
  })

  it('types a provider whose id is only known as a string', () => {
    const dynamicId: string = 'cdaweb'
    const dynamic = defineProvider({
      id: dynamicId,
      title: 'x',
      connect: () => ({ query: (adql: string) => adql }),
    })
    const hk = createHeliokit({ providers: [dynamic] })
    expectTypeOf(hk.provider('cdaweb').query).toEqualTypeOf<(adql: string) => string>()
  })

  it('ApiOf picks the API by id out of a union', () => {
    type Both = typeof demo | typeof other
    expectTypeOf<ApiOf<Both, 'other'>>().toEqualTypeOf<{ search: (text: string) => Promise<string[]> }>()
    expectTypeOf<ApiOf<Both, 'missing'>>().toBeNever()
  })
})

describe('composed calls', () => {
  it('yield outcomes that narrow on ok', async () => {
    const hk = createHeliokit({ providers: [demo, other] })
    expectTypeOf(hk.datasets()).toEqualTypeOf<AsyncIterable<Outcome<DatasetInfo>>>()
    for await (const outcome of hk.files({ dataset: 'D', start: '2022-01-01', end: new Date() })) {
      expectTypeOf(outcome.provider).toEqualTypeOf<string>()
      if (outcome.ok) expectTypeOf(outcome.value).toEqualTypeOf<DataFile>()
      else expectTypeOf(outcome.error).toEqualTypeOf<HeliokitError>()
    }
    // @ts-expect-error a file query needs a dataset and a range
    hk.files({ dataset: 'D' })
    // @ts-expect-error onError is 'yield' or 'throw'
    hk.datasets({}, { onError: 'ignore' })
  })
})

describe('errors and validation', () => {
  it('type error classes and codes', () => {
    const error = new NotFoundError('x', { provider: 'p', status: 404 })
    expectTypeOf(error).toExtend<HeliokitError>()
    expectTypeOf(error.code).toEqualTypeOf<'NOT_FOUND'>()
    // @ts-expect-error not a code
    const code: ErrorCode = 'NOPE'
    void code
  })

  it('parseInput returns the schema’s output type', () => {
    const schema = z.object({ n: z.coerce.number() })
    expectTypeOf(parseInput(schema, {}, { what: 'x' })).toEqualTypeOf<{ n: number }>()
  })
})
