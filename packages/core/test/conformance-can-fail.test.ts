import { describe, expect, test } from 'vitest'
import {
  type DataFile,
  defineProvider,
  InvalidInputError,
  type Provider,
  throwIfAborted,
  UnavailableError,
} from '../src/index.ts'
import {
  ConformanceFailure,
  type ProviderConformanceOptions,
  providerConformance,
} from '../src/testing/index.ts'
import { type MemoryBackend, memoryBackend, memoryProvider } from './helpers/memory-provider.ts'

/** Registers the suite into a map instead of a runner, so one test can be run and its failure seen. */
function suite<Api>(options: ProviderConformanceOptions<Api>): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>()
  providerConformance((name, fn) => tests.set(name, fn), options)
  return tests
}

async function failureOf(tests: Map<string, () => Promise<void>>, name: string): Promise<unknown> {
  const fn = tests.get(name)
  expect(fn, `suite has no test "${name}"`).toBeDefined()
  return fn!().then(
    () => undefined,
    (error: unknown) => error,
  )
}

/** A listing whose first read fails, as one against a dead server does. */
function failingListing<T>(error: Error): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) }
}

const fileQuery = { dataset: 'DEMO_RAW', start: '2022-01-01', end: '2022-01-01T05:00' }
const file: DataFile = {
  provider: 'broken',
  dataset: 'X',
  url: 'https://example.org/x',
  path: 'x.bin',
  metadata: {},
}

function broken(overrides: Partial<Provider<'broken', object>>): Provider<'broken', object> {
  return {
    ...defineProvider({
      id: 'broken',
      title: 'Broken',
      connect: () => ({}),
      async *files(_q, ctx) {
        throwIfAborted(ctx.signal)
        yield file
        throwIfAborted(ctx.signal)
        yield file
      },
    }),
    ...overrides,
  }
}

describe('the provider conformance suite fails broken providers', () => {
  test('a declared capability without its method', async () => {
    const tests = suite({
      create: () => broken({ capabilities: ['files', 'datasets'] }),
      fixtures: { fileQuery },
    })
    expect(
      await failureOf(tests, 'shape: id, title and declared capabilities match the methods'),
    ).toBeInstanceOf(ConformanceFailure)
  })

  test('an unsafe relative path', async () => {
    const files = async function* () {
      yield { ...file, path: '../../etc/passwd' }
      yield file
    }
    const tests = suite({ create: () => broken({ files }), fixtures: { fileQuery } })
    const error = await failureOf(tests, 'files: yields well-formed records from this provider')
    expect(String(error)).toMatch(/safe relative path/)
  })

  test('records that name another provider', async () => {
    const files = async function* () {
      yield { ...file, provider: 'someone-else' }
      yield file
    }
    const tests = suite({ create: () => broken({ files }), fixtures: { fileQuery } })
    expect(String(await failureOf(tests, 'files: yields well-formed records from this provider'))).toMatch(
      /someone-else/,
    )
  })

  test('a listing that ignores abort', async () => {
    const files = async function* () {
      yield file
      yield file
    }
    const tests = suite({ create: () => broken({ files }), fixtures: { fileQuery } })
    expect(
      await failureOf(tests, 'files: an already aborted signal fails with ABORTED and sends nothing'),
    ).toBeInstanceOf(ConformanceFailure)
    expect(
      await failureOf(tests, 'files: aborting mid-stream stops the listing with ABORTED'),
    ).toBeInstanceOf(ConformanceFailure)
  })

  test('plain errors from a failing server', async () => {
    const files = () => failingListing<DataFile>(new Error('ECONNREFUSED https://user:pw@example.org'))
    const tests = suite({
      create: () => broken({}),
      createFailing: () => broken({ files }),
      fixtures: { fileQuery },
    })
    expect(
      String(
        await failureOf(
          tests,
          'errors: a failing server surfaces HeliokitErrors with the provider id and no secrets',
        ),
      ),
    ).toMatch(/non-HeliokitError/)
  })

  test('input validated only after a request was sent', async () => {
    let backend: MemoryBackend = memoryBackend()
    const late: Provider = {
      ...memoryProvider(backend),
      files: async function* (query, ctx) {
        backend.requests++
        yield* memoryProvider(backend).files!(query, ctx)
      },
    }
    const tests = suite({
      create: () => {
        backend = memoryBackend()
        return late
      },
      requestCount: () => backend.requests,
      fixtures: { fileQuery, invalidFileQuery: { ...fileQuery, start: 'garbage' } },
    })
    expect(
      String(await failureOf(tests, 'files: invalid input is INVALID_INPUT before any request')),
    ).toMatch(/sent a request/)
  })

  test('a secret in an error message', async () => {
    const failing = memoryBackend()
    failing.failing = true
    const leaky: Provider = {
      ...memoryProvider(failing),
      datasets: () =>
        failingListing(new UnavailableError('down for key sk-12345678', { provider: 'memory' })),
    }
    const tests = suite({
      create: () => memoryProvider(memoryBackend()),
      createFailing: () => leaky,
      secrets: ['sk-12345678'],
      fixtures: { datasetQuery: {}, fileQuery },
    })
    expect(
      String(
        await failureOf(
          tests,
          'errors: a failing server surfaces HeliokitErrors with the provider id and no secrets',
        ),
      ),
    ).toMatch(/secret/)
  })

  test('an API call that raises an error without the provider id', async () => {
    const provider = defineProvider({
      id: 'broken',
      title: 'Broken',
      connect: () => ({
        urls: async (start: string) => {
          throw new InvalidInputError(`start ${start} is not a time`)
        },
      }),
    })
    const tests = suite({
      create: () => provider,
      fixtures: {},
      apiErrors: { 'urls with a bad time': { expect: 'throws', run: (api) => api.urls('yesterday') } },
    })
    const error = await failureOf(tests, 'errors: urls with a bad time: every error carries the provider id')
    expect(error).toBeInstanceOf(ConformanceFailure)
    expect(String(error)).toMatch(/names provider undefined, expected broken/)
  })

  test('a per-file error in a result without the provider id, or a result with no error', async () => {
    const failedFile = { path: 'x.bin', error: new UnavailableError('dropped') }
    const provider = defineProvider({
      id: 'broken',
      title: 'Broken',
      connect: () => ({
        download: async () => ({ downloaded: 1, failed: [failedFile] }),
        fine: async () => ({ downloaded: 2, failed: [] }),
      }),
    })
    const tests = suite({
      create: () => provider,
      fixtures: {},
      apiErrors: {
        'download with a dropped file': { expect: 'result', run: (api) => api.download() },
        'download with nothing failing': { expect: 'result', run: (api) => api.fine() },
      },
    })
    expect(
      String(
        await failureOf(tests, 'errors: download with a dropped file: every error carries the provider id'),
      ),
    ).toMatch(/error 0 of the result: error UNAVAILABLE names provider undefined/)
    expect(
      String(
        await failureOf(tests, 'errors: download with nothing failing: every error carries the provider id'),
      ),
    ).toMatch(/found none/)
  })

  test('a listing whose abort error has no provider id', async () => {
    const tests = suite({ create: () => broken({}), fixtures: { fileQuery } })
    expect(
      String(await failureOf(tests, 'files: an already aborted signal fails with ABORTED and sends nothing')),
    ).toMatch(/names provider undefined, expected broken/)
  })

  test('an API call expected to fail that succeeds', async () => {
    const provider = defineProvider({ id: 'broken', title: 'Broken', connect: () => ({ ok: async () => 1 }) })
    const tests = suite({
      create: () => provider,
      fixtures: {},
      apiErrors: { 'ok call': { expect: 'throws', run: (api) => api.ok() } },
    })
    expect(String(await failureOf(tests, 'errors: ok call: every error carries the provider id'))).toMatch(
      /expected the call to fail/,
    )
  })
})
