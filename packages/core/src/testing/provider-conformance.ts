import { createProviderContext } from '../context.ts'
import { ErrorCode, isHeliokitError } from '../errors.ts'
import { silentLogger } from '../logger.ts'
import type { CallContext, DatasetQuery, FileQuery, Provider } from '../provider.ts'
import { dataFileSchema, datasetInfoSchema } from '../records.ts'
import type { Transport } from '../transport.ts'
import { check, errorTexts, expectHeliokitError, register, type TestFunction } from './check.ts'
import { checkOwnError, errorsIn } from './own-error.ts'

/** A call of the provider's own API that fails, or that reports per-item failures in its result. */
export interface ApiErrorCase<Api> {
  /** `throws`: the call must fail; `result`: it must resolve with at least one error inside its result. */
  readonly expect: 'throws' | 'result'
  readonly run: (api: Api) => Promise<unknown>
}

export interface ProviderConformanceOptions<Api = unknown> {
  /** Called once per test. */
  readonly create: () => Provider<string, Api> | Promise<Provider<string, Api>>
  /** Transports the provider needs (called once per test); e.g. `() => [createHttpTransport()]`. */
  readonly transports?: () => readonly Transport[]
  readonly fixtures: {
    /** A query that yields at least one dataset. */
    readonly datasetQuery?: DatasetQuery
    /** A query that yields at least two files. */
    readonly fileQuery?: FileQuery
    /** A file query the provider must reject with INVALID_INPUT before sending anything. */
    readonly invalidFileQuery?: FileQuery
    readonly invalidDatasetQuery?: DatasetQuery
  }
  /** Requests the provider's server has received so far: proves invalid input sends nothing. */
  readonly requestCount?: () => number
  /** A provider pointed at a server that fails every request (500s, 404s, closed port). */
  readonly createFailing?: () => Provider | Promise<Provider>
  /**
   * Calls of the provider's own API (`connect(ctx)`) by name: bad times, aborts, per-file failures.
   * Every error they raise, and every error in their results, must carry the provider id.
   */
  readonly apiErrors?: Readonly<Record<string, ApiErrorCase<Api>>>
  /** Values that must never appear in any error (API keys). */
  readonly secrets?: readonly string[]
  /** Test names to leave out. */
  readonly skip?: readonly string[]
  /** Upper bound on items read from one listing. Default 200. */
  readonly maxItems?: number
}

type Listing = 'datasets' | 'files'

/**
 * The suite every provider runs in its own tests, ours and third parties' alike:
 * `providerConformance(test, { create: () => myProvider({ baseUrl }), fixtures: { ... } })`.
 */
export function providerConformance<Api>(test: TestFunction, options: ProviderConformanceOptions<Api>): void {
  const skip = options.skip ?? []
  const maxItems = options.maxItems ?? 200
  const setup = async (
    signal?: AbortSignal,
  ): Promise<{ provider: Provider<string, Api>; ctx: CallContext }> => {
    const provider = await options.create()
    const ctx = { ...createProviderContext([...(options.transports?.() ?? [])], silentLogger), signal }
    return { provider, ctx }
  }
  const call = (
    provider: Provider,
    listing: Listing,
    query: unknown,
    ctx: CallContext,
  ): AsyncIterable<unknown> => provider[listing]!(query as FileQuery, ctx)

  register(test, skip, 'shape: id, title and declared capabilities match the methods', async () => {
    const { provider, ctx } = await setup()
    check(
      typeof provider.id === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(provider.id),
      `id must be a lower-case slug, got ${JSON.stringify(provider.id)}`,
    )
    check(typeof provider.title === 'string' && provider.title.length > 0, 'title must be a non-empty string')
    check(Array.isArray(provider.capabilities), 'capabilities must be an array')
    for (const listing of ['datasets', 'files'] as const) {
      const declared = provider.capabilities.includes(listing)
      const present = typeof provider[listing] === 'function'
      check(
        declared === present,
        `capability "${listing}" is ${declared ? 'declared' : 'not declared'} but the method is ${present ? 'present' : 'missing'}`,
      )
    }
    const api = provider.connect(ctx)
    check(typeof api === 'object' && api !== null, 'connect() must return the provider API object')
  })

  const fixtureFor = (listing: Listing): unknown =>
    listing === 'datasets' ? options.fixtures.datasetQuery : options.fixtures.fileQuery

  for (const listing of ['datasets', 'files'] as const) {
    const schema = listing === 'datasets' ? datasetInfoSchema : dataFileSchema
    const minimum = listing === 'datasets' ? 1 : 2
    const withFixture = (name: string, fn: (provider: Provider, query: unknown) => Promise<void>): void =>
      register(test, skip, name, async () => {
        const { provider } = await setup()
        if (typeof provider[listing] !== 'function') return
        const query = fixtureFor(listing)
        check(
          query !== undefined,
          `${listing} is a capability: give fixtures.${listing === 'datasets' ? 'datasetQuery' : 'fileQuery'}`,
        )
        await fn(provider, query)
      })

    withFixture(`${listing}: yields well-formed records from this provider`, async (provider, query) => {
      const { ctx } = await setup()
      let count = 0
      for await (const item of call(provider, listing, query, ctx)) {
        const parsed = schema.safeParse(item)
        check(
          parsed.success,
          `${listing} item ${count} is malformed: ${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        )
        check(
          (item as { provider: string }).provider === provider.id,
          `${listing} item ${count} has provider ${(item as { provider: string }).provider}, expected ${provider.id}`,
        )
        if (listing === 'files') {
          const { start, stop } = item as { start?: Date; stop?: Date }
          check(!start || !stop || start.getTime() <= stop.getTime(), `file ${count} starts after it stops`)
        }
        if (++count >= maxItems) break
      }
      check(count >= minimum, `${listing} fixture yielded ${count} item(s); expected at least ${minimum}`)
    })

    withFixture(
      `${listing}: an already aborted signal fails with ABORTED and sends nothing`,
      async (provider, query) => {
        const controller = new AbortController()
        controller.abort()
        const { ctx } = await setup(controller.signal)
        const before = options.requestCount?.()
        const error = await expectHeliokitError(
          async () => {
            for await (const _ of call(provider, listing, query, ctx))
              check(false, 'yielded an item after abort')
          },
          [ErrorCode.ABORTED],
          `${listing} with an aborted signal`,
        )
        checkOwnError(error, provider.id, `${listing} with an aborted signal`)
        if (before !== undefined)
          check(options.requestCount!() === before, `${listing} sent a request despite the aborted signal`)
      },
    )

    withFixture(`${listing}: aborting mid-stream stops the listing with ABORTED`, async (provider, query) => {
      const controller = new AbortController()
      const { ctx } = await setup(controller.signal)
      const iterator = call(provider, listing, query, ctx)[Symbol.asyncIterator]()
      const first = await iterator.next()
      check(!first.done, `${listing} fixture yielded nothing`)
      controller.abort()
      const error = await expectHeliokitError(
        async () => {
          for (let r = await iterator.next(); !r.done; r = await iterator.next())
            check(false, 'yielded an item after abort')
        },
        [ErrorCode.ABORTED],
        `${listing} after abort`,
      )
      checkOwnError(error, provider.id, `${listing} after abort`)
    })
  }

  const invalid: [Listing, unknown][] = [
    ['datasets', options.fixtures.invalidDatasetQuery],
    ['files', options.fixtures.invalidFileQuery],
  ]
  for (const [listing, query] of invalid) {
    if (query === undefined) continue
    register(test, skip, `${listing}: invalid input is INVALID_INPUT before any request`, async () => {
      const { provider, ctx } = await setup()
      check(
        typeof provider[listing] === 'function',
        `invalid ${listing} fixture given but ${listing} is not implemented`,
      )
      const before = options.requestCount?.()
      const error = await expectHeliokitError(
        async () => {
          for await (const _ of call(provider, listing, query, ctx))
            check(false, 'yielded an item for invalid input')
        },
        [ErrorCode.INVALID_INPUT],
        `${listing} with invalid input`,
      )
      if (before !== undefined)
        check(options.requestCount!() === before, `${listing} sent a request for invalid input`)
      checkOwnError(error, provider.id, `${listing} with invalid input`)
      checkNoSecrets(error, options.secrets)
    })
  }

  if (options.createFailing) {
    const createFailing = options.createFailing
    register(
      test,
      skip,
      'errors: a failing server surfaces HeliokitErrors with the provider id and no secrets',
      async () => {
        const provider = await createFailing()
        const { ctx } = await setup()
        let listings = 0
        for (const listing of ['datasets', 'files'] as const) {
          const query = fixtureFor(listing)
          if (typeof provider[listing] !== 'function' || query === undefined) continue
          listings++
          let thrown: unknown
          try {
            for await (const _ of call(provider, listing, query, ctx)) {
              // a failing server may still let some items through before it fails
            }
          } catch (error) {
            thrown = error
          }
          check(thrown !== undefined, `${listing} against a failing server did not fail`)
          check(
            isHeliokitError(thrown),
            `${listing} against a failing server threw a non-HeliokitError: ${String(thrown).slice(0, 200)}`,
          )
          checkOwnError(thrown, provider.id, `${listing} against a failing server`)
          checkNoSecrets(thrown, options.secrets)
        }
        check(listings > 0, 'createFailing given but no listing with a fixture to run it on')
      },
    )
  }

  for (const [name, errorCase] of Object.entries(options.apiErrors ?? {})) {
    register(test, skip, `errors: ${name}: every error carries the provider id`, async () => {
      const { provider, ctx } = await setup()
      const api = provider.connect(ctx)
      let outcome: { readonly thrown: unknown } | { readonly value: unknown }
      try {
        outcome = { value: await errorCase.run(api) }
      } catch (thrown) {
        outcome = { thrown }
      }
      if (errorCase.expect === 'throws') {
        check('thrown' in outcome, `${name}: expected the call to fail, but it succeeded`)
        checkOwnError(outcome.thrown, provider.id, name)
        checkNoSecrets(outcome.thrown, options.secrets)
        return
      }
      if ('thrown' in outcome) checkOwnError(outcome.thrown, provider.id, name)
      check('value' in outcome, `${name}: expected a result, but the call failed`)
      const errors = errorsIn(outcome.value)
      check(errors.length > 0, `${name}: expected errors inside the result, found none`)
      errors.forEach((error, i) => {
        checkOwnError(error, provider.id, `${name}: error ${i} of the result`)
        checkNoSecrets(error, options.secrets)
      })
    })
  }
}

function checkNoSecrets(error: unknown, secrets: readonly string[] = []): void {
  const text = errorTexts(error)
  for (const secret of secrets) check(!text.includes(secret), 'an error exposes a secret')
}
