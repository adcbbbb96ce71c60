import {
  type ApiClient,
  type CallContext,
  type DatasetInfo,
  type DatasetQuery,
  defineProvider,
  InvalidInputError,
  type Provider,
  type ProviderContext,
  parseTime,
  throwIfAborted,
} from '@heliokit/core'
import { catalogSchema, type HapiInfo, infoSchema } from './schemas.ts'

export interface HapiOptions {
  /** The server's HAPI root, e.g. `https://cdaweb.gsfc.nasa.gov/hapi`. */
  readonly baseUrl: string
}

export interface HapiApi {
  /** Every dataset id and title the server lists. */
  catalog(signal?: AbortSignal): Promise<{ id: string; title?: string }[]>
  /** A dataset's time span and parameters. */
  info(id: string, signal?: AbortSignal): Promise<HapiInfo>
}

const ID = 'hapi'

function client(ctx: ProviderContext, options: HapiOptions): ApiClient {
  return ctx.api({ baseUrl: options.baseUrl, provider: ID })
}

function hapiApi(api: ApiClient): HapiApi {
  return {
    catalog: async (signal) => (await api.request({ path: 'catalog', signal }, catalogSchema)).catalog,
    info: (id, signal) => {
      if (!id.trim()) throw new InvalidInputError('dataset id must not be empty', { provider: ID })
      return api.request({ path: 'info', query: { id }, signal }, infoSchema)
    },
  }
}

async function* datasets(
  options: HapiOptions,
  query: DatasetQuery,
  ctx: CallContext,
): AsyncGenerator<DatasetInfo> {
  if (query.text !== undefined && typeof query.text !== 'string') {
    throw new InvalidInputError('text must be a string', { provider: ID })
  }
  // Validated before any request; a dataset is kept when its span overlaps [start, end).
  const from = query.start === undefined ? undefined : parseTime(query.start, 'start', ID).getTime()
  const to = query.end === undefined ? undefined : parseTime(query.end, 'end', ID).getTime()
  throwIfAborted(ctx.signal, ID)
  const hapi = hapiApi(client(ctx, options))
  const needle = query.text?.toLowerCase()
  for (const entry of await hapi.catalog(ctx.signal)) {
    throwIfAborted(ctx.signal, ID)
    if (needle && !`${entry.id} ${entry.title ?? ''}`.toLowerCase().includes(needle)) continue
    const info = await hapi.info(entry.id, ctx.signal)
    const start = parseTime(info.startDate, 'startDate')
    const end = parseTime(info.stopDate, 'stopDate')
    if ((to !== undefined && start.getTime() >= to) || (from !== undefined && end.getTime() <= from)) continue
    yield {
      provider: ID,
      id: entry.id,
      title: entry.title ?? entry.id,
      description: info.description,
      timeSpan: { start, end },
      links: info.resourceURL ? [{ href: info.resourceURL, rel: 'documentation' }] : [],
      raw: { catalog: entry, info },
    }
  }
}

/** A HAPI provider: `createHeliokit({ providers: [hapi({ baseUrl })], transports: [createHttpTransport()] })`. */
export function hapi(options: HapiOptions): Provider<'hapi', HapiApi> {
  return defineProvider({
    id: ID,
    title: 'HAPI server',
    connect: (ctx) => hapiApi(client(ctx, options)),
    datasets: (query, ctx) => datasets(options, query, ctx),
  })
}

declare module '@heliokit/core' {
  interface ProviderRegistry {
    hapi: HapiApi
  }
}
