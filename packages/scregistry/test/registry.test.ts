import { createHeliokit, ErrorCode } from '@heliokit/core'
import { startFileServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { describe, expect, test, vi } from 'vitest'
import { DEFAULT_REGISTRY_URL, scregistry } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness()

describe('global registry', () => {
  test('lists the buckets with their endpoint, name, provider and region', async () => {
    const registry = await h.sc.registry()
    expect(registry.url).toBe(h.net.registryUrl)
    expect(registry.version).toBe('0.4')
    expect(registry.modified).toBe('2024-01-01T00:00:00Z')
    expect(await h.sc.buckets()).toEqual([
      {
        endpoint: 's3://gov-nasa-hdrl-data1/',
        name: 'GSFC HelioCloud',
        provider: 'aws',
        region: 'us-east-1',
      },
      {
        endpoint: 's3://edu-apl-helio-public/',
        name: 'APL HelioCloud',
        provider: 'aws',
        region: 'us-west-1',
      },
      { endpoint: 's3://helio-public/', name: 'GSFC HelioCloud MMS', provider: 'aws', region: 'us-east-1' },
      { endpoint: 's3://helio-maintenance/', name: 'GSFC HelioCloud', provider: 'aws', region: 'us-east-2' },
      { endpoint: 's3://helio-offline/', name: 'Offline bucket', provider: 'aws', region: 'us-west-2' },
    ])
  })

  test('finds an endpoint by name, narrowed by a region prefix', async () => {
    expect(await h.sc.endpoint('APL HelioCloud')).toBe('s3://edu-apl-helio-public/')
    expect(await h.sc.endpoint('GSFC HelioCloud', 'us-east-1')).toBe('s3://gov-nasa-hdrl-data1/')
    expect(await h.sc.endpoint('GSFC HelioCloud', 'us-east-2')).toBe('s3://helio-maintenance/')
  })

  test('several buckets of one name is an error naming them; none is NOT_FOUND', async () => {
    const several = await failure(h.sc.endpoint('GSFC HelioCloud', 'us-east'))
    expect(several).toMatchObject({ code: ErrorCode.CONFLICT, provider: 'scregistry' })
    expect(String((several as Error).message)).toContain('s3://gov-nasa-hdrl-data1/ (us-east-1)')
    expect(String((several as Error).message)).toContain('s3://helio-maintenance/ (us-east-2)')
    expect(await failure(h.sc.endpoint('APL HelioCloud', 'eu-'))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      provider: 'scregistry',
    })
    expect(await failure(h.sc.endpoint('Nobody'))).toMatchObject({ code: ErrorCode.NOT_FOUND })
  })

  test('a registry that does not fit the spec is BAD_RESPONSE naming the URL and field', async () => {
    await h.net.s3.put(
      'helio-registry',
      'broken.json',
      JSON.stringify({ registry: [{ name: 'x', region: 'y' }] }),
    )
    const hk = createHeliokit({
      providers: [scregistry({ registryUrl: 's3://helio-registry/broken.json' })],
      transports: h.hk.context.transports,
    })
    const error = await failure(hk.provider('scregistry').registry())
    expect(error).toMatchObject({ code: ErrorCode.BAD_RESPONSE, provider: 'scregistry' })
    expect(String((error as Error).message)).toContain('s3://helio-registry/broken.json')
    expect(String((error as Error).message)).toContain('registry.0.endpoint')
  })
})

describe('registry location', () => {
  test('default, then ROOT_CATALOG_REGISTRY_URL, then the explicit option; https registries work', async () => {
    const registry = {
      version: '1.0',
      modificationDate: '2022-01-01T00:00.00Z',
      registry: [{ endpoint: 's3://gov-nasa-hdrl-data1', name: 'GSFC', region: 'us-east-1' }],
    }
    const server = await startFileServer({
      files: new Map([
        ['/catalog/HelioDataRegistry.json', new TextEncoder().encode(JSON.stringify(registry))],
      ]),
    })
    const transports = [createHttpTransport({ retry: { limit: 0 } })]
    try {
      expect(DEFAULT_REGISTRY_URL).toBe('http://heliocloud.org/catalog/HelioDataRegistry.json')
      vi.stubEnv('ROOT_CATALOG_REGISTRY_URL', `${server.url}/catalog/HelioDataRegistry.json`)
      const fromEnv = createHeliokit({ providers: [scregistry()], transports }).provider('scregistry')
      const read = await fromEnv.registry()
      expect(read.url).toBe(`${server.url}/catalog/HelioDataRegistry.json`)
      expect(read.version).toBe('1.0')
      expect(read.modified).toBe('2022-01-01T00:00.00Z')
      expect(read.buckets).toEqual([
        { endpoint: 's3://gov-nasa-hdrl-data1/', name: 'GSFC', provider: 'aws', region: 'us-east-1' },
      ])
      const explicit = createHeliokit({
        providers: [scregistry({ registryUrl: `${server.url}/elsewhere.json` })],
        transports,
      }).provider('scregistry')
      expect(await failure(explicit.registry())).toMatchObject({
        code: ErrorCode.NOT_FOUND,
        provider: 'scregistry',
      })
      expect(server.requests.map((r) => r.url)).toEqual([
        '/catalog/HelioDataRegistry.json',
        '/elsewhere.json',
      ])
    } finally {
      vi.unstubAllEnvs()
      await server.close()
    }
  })

  test('bad options are INVALID_INPUT when the provider is made', () => {
    expect(() => scregistry({ registryUrl: 'ftp://x/y.json' })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT, provider: 'scregistry' }),
    )
    expect(() => scregistry({ concurrency: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
    )
    expect(() => scregistry({ cache: '' })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
    )
  })
})
