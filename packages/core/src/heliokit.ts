import { abortError } from './abort.ts'
import { createProviderContext } from './context.ts'
import { type HeliokitError, InvalidInputError, NotFoundError, toHeliokitError } from './errors.ts'
import { type Logger, silentLogger } from './logger.ts'
import { mergeAsync } from './merge.ts'
import type { ProgressListener } from './progress.ts'
import type {
  CallContext,
  Capability,
  DatasetQuery,
  FileQuery,
  Provider,
  ProviderContext,
  ProviderRegistry,
} from './provider.ts'
import type { DataFile, DatasetInfo } from './records.ts'
import type { Transport } from './transport.ts'

export interface HeliokitOptions<P extends Provider = Provider> {
  readonly providers?: readonly P[]
  readonly transports?: readonly Transport[]
  readonly logger?: Logger
}

/** One result of a composed call: a value, or the error that stopped one provider. */
export type Outcome<T> =
  | { readonly ok: true; readonly provider: string; readonly value: T }
  | { readonly ok: false; readonly provider: string; readonly error: HeliokitError }

export interface ComposeOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressListener
  /** Only these providers (by id); default every provider with the capability. */
  readonly providers?: readonly string[]
  /** `yield` (default): a failing provider becomes an error outcome; `throw`: the first failure ends the call. */
  readonly onError?: 'yield' | 'throw'
}

export interface ProviderSummary {
  readonly id: string
  readonly title: string
  readonly capabilities: readonly Capability[]
}

/** The API type a provider with this id contributes; a provider whose id is only `string` may be any id. */
export type ApiOf<P, Id extends string> =
  P extends Provider<infer I, infer A> ? (I extends Id ? A : Id extends I ? A : never) : never

export interface Heliokit<P extends Provider = never> {
  /** Registers a provider at runtime; returns the same client with a wider type. */
  use<Q extends Provider>(provider: Q): Heliokit<P | Q>
  /** Registers a transport; the last one registered for a scheme wins. */
  useTransport(transport: Transport): Heliokit<P>
  /** The provider's own typed API; NOT_FOUND listing the registered ids when it was never registered. */
  provider<Id extends P['id']>(id: Id): ApiOf<P, Id>
  provider<K extends keyof ProviderRegistry>(id: K): ProviderRegistry[K]
  providers(): readonly ProviderSummary[]
  /** Dataset search across every provider with the `datasets` capability, merged as results arrive. */
  datasets(query?: DatasetQuery, options?: ComposeOptions): AsyncIterable<Outcome<DatasetInfo>>
  /** File listing across every provider with the `files` capability. */
  files(query: FileQuery, options?: ComposeOptions): AsyncIterable<Outcome<DataFile>>
  /** The context providers see: transports and logger, for downloads and custom calls. */
  readonly context: ProviderContext
  /** Closes every transport that holds resources. */
  close(): Promise<void>
}

type Capable = 'datasets' | 'files'

export function createHeliokit<P extends Provider = never>(options: HeliokitOptions<P> = {}): Heliokit<P> {
  const registered = new Map<string, Provider>()
  const connected = new Map<string, unknown>()
  const transports: Transport[] = [...(options.transports ?? [])]
  const context = createProviderContext(transports, options.logger ?? silentLogger)

  const register = (provider: Provider): void => {
    if (!provider || typeof provider.id !== 'string' || typeof provider.connect !== 'function') {
      throw new InvalidInputError(
        'not a provider: expected an object with an id and connect() (use defineProvider)',
      )
    }
    if (registered.has(provider.id)) {
      throw new InvalidInputError(`provider "${provider.id}" is already registered`)
    }
    registered.set(provider.id, provider)
  }
  for (const p of options.providers ?? []) register(p)

  const lookup = (id: string): Provider => {
    const found = registered.get(id)
    if (found) return found
    const known = [...registered.keys()].map((k) => `"${k}"`).join(', ') || 'none'
    throw new NotFoundError(`no provider "${id}" is registered (registered: ${known})`)
  }

  function compose<T>(capability: Capable, query: unknown, opts: ComposeOptions): AsyncIterable<Outcome<T>> {
    const chosen = opts.providers ? opts.providers.map(lookup) : [...registered.values()]
    const able = chosen.filter((p) => typeof p[capability] === 'function')
    return {
      async *[Symbol.asyncIterator]() {
        const stop = new AbortController()
        const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal
        const call: CallContext = { ...context, signal, onProgress: opts.onProgress }
        const merged = mergeAsync(able.map((p) => outcomes<T>(p, capability, query, call)))
        try {
          for (let next = await merged.next(); !next.done; next = await merged.next()) {
            const outcome = next.value
            if (opts.signal?.aborted) throw abortError(opts.signal)
            if (!outcome.ok && opts.onError === 'throw') throw outcome.error
            yield outcome
          }
          if (opts.signal?.aborted) throw abortError(opts.signal)
        } finally {
          // Abort first: closing waits for each provider's pending step, which may be a request.
          stop.abort()
          await merged.return()
        }
      },
    }
  }

  const client: Heliokit<Provider> = {
    use(provider) {
      register(provider)
      return client as never
    },
    useTransport(transport) {
      transports.push(transport)
      return client
    },
    provider(id: string): never {
      const p = lookup(id)
      if (!connected.has(id)) connected.set(id, p.connect(context))
      return connected.get(id) as never
    },
    providers: () =>
      [...registered.values()].map(({ id, title, capabilities }) => ({ id, title, capabilities })),
    datasets: (query = {}, opts = {}) => compose<DatasetInfo>('datasets', query, opts),
    files: (query, opts = {}) => compose<DataFile>('files', query, opts),
    context,
    async close() {
      await Promise.allSettled(transports.map((t) => t.close?.()))
    },
  }
  return client as unknown as Heliokit<P>
}

async function* outcomes<T>(
  provider: Provider,
  capability: Capable,
  query: unknown,
  ctx: CallContext,
): AsyncGenerator<Outcome<T>> {
  try {
    const source = provider[capability]!(query as DatasetQuery & FileQuery, ctx) as AsyncIterable<T>
    for await (const value of source) yield { ok: true, provider: provider.id, value }
  } catch (error) {
    yield { ok: false, provider: provider.id, error: toHeliokitError(error, provider.id) }
  }
}
