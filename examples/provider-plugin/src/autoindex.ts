import {
  type ApiClient,
  type CallContext,
  type DataFile,
  type DatasetInfo,
  type DatasetQuery,
  defineProvider,
  type FileQuery,
  InvalidInputError,
  NotFoundError,
  type Provider,
  type ProviderContext,
  parseTimeRange,
  throwIfAborted,
} from '@heliokit/core'
import { type IndexEntry, listingSchema } from './schemas.ts'

export interface AutoindexOptions {
  /** Root of the archive, served by nginx with `autoindex on; autoindex_format json;`. */
  readonly baseUrl: string
}

export interface AutoindexApi {
  /** The entries of one folder, e.g. `THEMIS/2022/01/01`; NOT_FOUND when it does not exist. */
  list(path?: string, signal?: AbortSignal): Promise<IndexEntry[]>
}

const ID = 'autoindex'
const DAY = 86_400_000
const SAFE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

function client(ctx: ProviderContext, options: AutoindexOptions): ApiClient {
  return ctx.api({ baseUrl: options.baseUrl.replace(/\/*$/, '/'), provider: ID })
}

function folderPath(path: string): string {
  const parts = path.split('/').filter(Boolean)
  if (!parts.every((p) => SAFE_PART.test(p))) {
    throw new InvalidInputError(`path must be folder names separated by /, got ${JSON.stringify(path)}`, {
      provider: ID,
    })
  }
  return parts.map((p) => `${p}/`).join('')
}

function autoindexApi(api: ApiClient): AutoindexApi {
  return {
    list: async (path = '', signal) => api.request({ path: folderPath(path), signal }, listingSchema),
  }
}

async function* datasets(
  options: AutoindexOptions,
  query: DatasetQuery,
  ctx: CallContext,
): AsyncGenerator<DatasetInfo> {
  if (query.text !== undefined && typeof query.text !== 'string') {
    throw new InvalidInputError('text must be a string', { provider: ID })
  }
  throwIfAborted(ctx.signal, ID)
  const needle = query.text?.toLowerCase()
  for (const entry of await autoindexApi(client(ctx, options)).list('', ctx.signal)) {
    if (entry.type !== 'directory' || (needle && !entry.name.toLowerCase().includes(needle))) continue
    throwIfAborted(ctx.signal, ID)
    const href = new URL(`${entry.name}/`, options.baseUrl.replace(/\/*$/, '/')).href
    yield { provider: ID, id: entry.name, title: entry.name, links: [{ href, rel: 'data-tree' }], raw: entry }
  }
  throwIfAborted(ctx.signal, ID)
}

/** Files of `<dataset>/<YYYY>/<MM>/<DD>/` for every day the range touches; a missing day has no files. */
async function* files(
  options: AutoindexOptions,
  query: FileQuery,
  ctx: CallContext,
): AsyncGenerator<DataFile> {
  const { start, end } = parseTimeRange(query.start, query.end)
  if (typeof query.dataset !== 'string' || !SAFE_PART.test(query.dataset)) {
    throw new InvalidInputError('dataset must be a folder name', { provider: ID })
  }
  const api = autoindexApi(client(ctx, options))
  for (let day = Math.floor(start.getTime() / DAY) * DAY; day < end.getTime(); day += DAY) {
    throwIfAborted(ctx.signal, ID)
    const folder = `${query.dataset}/${new Date(day).toISOString().slice(0, 10).replaceAll('-', '/')}`
    let entries: IndexEntry[]
    try {
      entries = await api.list(folder, ctx.signal)
    } catch (error) {
      if (error instanceof NotFoundError) continue
      throw error
    }
    for (const entry of entries) {
      if (entry.type !== 'file') continue
      throwIfAborted(ctx.signal, ID)
      yield {
        provider: ID,
        dataset: query.dataset,
        url: new URL(`${folder}/${encodeURIComponent(entry.name)}`, options.baseUrl.replace(/\/*$/, '/'))
          .href,
        start: new Date(day),
        stop: new Date(day + DAY),
        size: entry.size,
        path: `${folder}/${entry.name}`,
        metadata: { mtime: entry.mtime },
      }
    }
  }
}

/** An archive served as nginx JSON directory listings, laid out as `<dataset>/<YYYY>/<MM>/<DD>/<file>`. */
export function autoindex(options: AutoindexOptions): Provider<'autoindex', AutoindexApi> {
  if (typeof options?.baseUrl !== 'string' || !URL.canParse(options.baseUrl)) {
    throw new InvalidInputError('baseUrl must be an http(s) URL', { provider: ID })
  }
  return defineProvider({
    id: ID,
    title: 'Directory-listing archive (nginx autoindex JSON)',
    connect: (ctx) => autoindexApi(client(ctx, options)),
    datasets: (query, ctx) => datasets(options, query, ctx),
    files: (query, ctx) => files(options, query, ctx),
  })
}

declare module '@heliokit/core' {
  interface ProviderRegistry {
    autoindex: AutoindexApi
  }
}
