import {
  createProviderContext,
  InvalidInputError,
  isApiTransport,
  type Logger,
  silentLogger,
  type Transport,
  UnavailableError,
} from '@heliokit/core'
import { describe, expect, it } from 'vitest'
import { fakeApiTransport, fakeTransport } from './helpers/fake-transport.ts'

const logger: Logger = { ...silentLogger }

describe('transportFor', () => {
  it('picks the transport serving the URL’s scheme, for strings and URL objects', () => {
    const http = fakeTransport('http', ['http:', 'https:'])
    const s3 = fakeTransport('s3', ['s3:'])
    const ctx = createProviderContext([http, s3], logger)
    expect(ctx.transportFor('https://x.org/a')).toBe(http)
    expect(ctx.transportFor(new URL('http://x.org/a'))).toBe(http)
    expect(ctx.transportFor('s3://bucket/key')).toBe(s3)
    expect(ctx.transportFor('S3://bucket/key')).toBe(s3)
  })

  it('lets the last transport registered for a scheme win', () => {
    const first = fakeTransport('first', ['https:'])
    const second = fakeTransport('second', ['http:', 'https:'])
    const ctx = createProviderContext([first, second], logger)
    expect(ctx.transportFor('https://x.org')).toBe(second)
  })

  it('sees transports added to the list later', () => {
    const transports: Transport[] = []
    const ctx = createProviderContext(transports, logger)
    expect(() => ctx.transportFor('s3://b/k')).toThrow(UnavailableError)
    const s3 = fakeTransport('s3', ['s3:'])
    transports.push(s3)
    expect(ctx.transportFor('s3://b/k')).toBe(s3)
  })

  it('raises UNAVAILABLE listing the registered schemes', () => {
    const ctx = createProviderContext([fakeTransport('http', ['http:', 'https:'])], logger)
    expect(() => ctx.transportFor('s3://bucket/key')).toThrow(UnavailableError)
    expect(() => ctx.transportFor('s3://bucket/key')).toThrow(
      '[heliokit] no transport registered for s3: URLs (registered: http:, https:)',
    )
    expect(() => createProviderContext([], logger).transportFor('https://x.org')).toThrow(
      '(registered: none)',
    )
  })

  it('raises INVALID_INPUT for something that is not a URL', () => {
    const ctx = createProviderContext([fakeTransport('http', ['http:', 'https:'])], logger)
    expect(() => ctx.transportFor('/relative/path')).toThrow(InvalidInputError)
  })
})

describe('api', () => {
  it('raises UNAVAILABLE naming the provider when no transport makes API clients', () => {
    const ctx = createProviderContext([fakeTransport('s3', ['s3:'])], logger)
    let error: unknown
    try {
      ctx.api({ baseUrl: 'https://api.x.org', provider: 'aurorax' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UnavailableError)
    expect((error as UnavailableError).provider).toBe('aurorax')
    expect((error as Error).message).toMatch(/^\[heliokit\] \[aurorax\] no HTTP transport registered/)
  })

  it('forwards the options with the context’s logger to the last API transport', () => {
    const older = fakeApiTransport('older')
    const newer = fakeApiTransport('newer')
    const ctx = createProviderContext([older, newer, fakeTransport('s3', ['s3:'])], logger)
    const options = { baseUrl: 'https://api.x.org/v1/', provider: 'p', timeout: 5000, secrets: ['k3y-k3y'] }
    const client = ctx.api(options)
    expect(client.baseUrl.href).toBe('https://api.x.org/v1/')
    expect(older.calls).toEqual([])
    expect(newer.calls).toEqual([{ ...options, logger }])
    expect(newer.calls[0]!.logger).toBe(logger)
  })

  it('keeps a logger the caller gave', () => {
    const own: Logger = { ...silentLogger }
    const http = fakeApiTransport('http')
    createProviderContext([http], logger).api({ baseUrl: 'https://x.org', logger: own })
    expect(http.calls[0]!.logger).toBe(own)
  })
})

describe('isApiTransport', () => {
  it('tells transports that make API clients from the others', () => {
    expect(isApiTransport(fakeApiTransport('http'))).toBe(true)
    expect(isApiTransport(fakeTransport('s3', ['s3:']))).toBe(false)
  })
})
