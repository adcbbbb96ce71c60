import {
  type DataFile,
  type DatasetInfo,
  defineProvider,
  type FileQuery,
  InvalidInputError,
  isHeliokitError,
  NotFoundError,
  type Provider,
  parseTimeRange,
  type TimeInput,
  type TimeRange,
  throwIfAborted,
  UnavailableError,
} from '../../src/index.ts'

/** A small provider over in-memory records, the way a third party would write one. */
export interface MemoryBackend {
  requests: number
  datasets: DatasetInfo[]
  /** When set, every request fails as a broken server would. */
  failing?: boolean
}

export function memoryBackend(): MemoryBackend {
  const raw = { name: 'DEMO_RAW' }
  return {
    requests: 0,
    datasets: [
      { provider: 'memory', id: 'DEMO_RAW', title: 'Demo raw', links: [], raw },
      {
        provider: 'memory',
        id: 'DEMO_L2',
        title: 'Demo level 2',
        links: [{ href: 'https://example.org', rel: 'documentation' }],
        raw,
      },
    ],
  }
}

export interface MemoryApi {
  count(): number
  /** The hours of a range, validated as a provider's own API would. */
  hours(start: TimeInput, end: TimeInput): Promise<number>
}

export function memoryProvider(backend: MemoryBackend): Provider<'memory', MemoryApi> {
  return defineProvider({
    id: 'memory',
    title: 'In-memory demo archive',
    connect: () => ({
      count: () => backend.datasets.length,
      hours: async (start, end) => {
        const range = timeRange(start, end)
        return (range.end.getTime() - range.start.getTime()) / 3_600_000
      },
    }),
    async *datasets(_query, ctx) {
      throwIfAborted(ctx.signal, 'memory')
      request(backend)
      for (const d of backend.datasets) {
        throwIfAborted(ctx.signal, 'memory')
        yield d
      }
    },
    async *files(query: FileQuery, ctx): AsyncGenerator<DataFile> {
      const range = timeRange(query.start, query.end)
      if (!/^[A-Z0-9_]+$/.test(query.dataset))
        throw new InvalidInputError('dataset must be upper-case', { provider: 'memory' })
      throwIfAborted(ctx.signal, 'memory')
      request(backend)
      if (!backend.datasets.some((d) => d.id === query.dataset))
        throw new NotFoundError(`no dataset ${query.dataset}`, { provider: 'memory' })
      for (let t = range.start.getTime(); t < range.end.getTime(); t += 3_600_000) {
        throwIfAborted(ctx.signal, 'memory')
        const hour = new Date(t).toISOString().slice(0, 13).replace('T', '_')
        yield {
          provider: 'memory',
          dataset: query.dataset,
          url: `https://data.example.org/${query.dataset}/${hour}.bin`,
          start: new Date(t),
          stop: new Date(t + 3_600_000),
          size: 10,
          path: `${query.dataset}/${hour}.bin`,
          metadata: {},
        }
      }
    },
  })
}

/** Core's time errors carry no provider: this one re-raises them as its own. */
function timeRange(start: TimeInput, end: TimeInput): TimeRange {
  try {
    return parseTimeRange(start, end)
  } catch (cause) {
    const issues = isHeliokitError(cause) ? cause.issues : []
    throw new InvalidInputError('invalid time range', { provider: 'memory', issues, cause })
  }
}

function request(backend: MemoryBackend): void {
  backend.requests++
  if (backend.failing) throw new UnavailableError('archive is down', { provider: 'memory', status: 503 })
}
