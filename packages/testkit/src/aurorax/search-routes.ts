import { checkConjunctionQuery, describeConjunctionQuery, runConjunctionQuery } from './conjunction-search.ts'
import { checkRecordQuery, describeRecordQuery, runRecordQuery } from './record-search.ts'
import type { RouteContext } from './route-context.ts'
import { isDone, type SearchKind, statusOf } from './search-requests.ts'
import { SOURCE_FORMATS, sourceView } from './store.ts'
import { fail, parseWireTime, type Reply, refuse, wireDate } from './wire.ts'

const DAY = 86_400_000

/** Search, request, describe and availability routes; undefined when the path is not one of them. */
export function searchRoute(ctx: RouteContext, path: string): Reply | undefined {
  const search = /^\/(ephemeris|data_products|conjunctions)\/search$/.exec(path)
  if (search) return ctx.method === 'POST' ? submit(ctx, search[1] as SearchKind) : undefined
  const request = /^\/(ephemeris|data_products|conjunctions)\/requests\/([0-9a-f-]+)(\/data)?$/.exec(path)
  if (request) return requestRoute(ctx, request[1] as SearchKind, request[2]!, request[3] !== undefined)
  const describe = /^\/utils\/describe\/query\/(ephemeris|data_products|conjunction)$/.exec(path)
  if (describe && ctx.method === 'POST') {
    const kind = describe[1]!
    const text =
      kind === 'conjunction'
        ? describeConjunctionQuery(checkConjunctionQuery(ctx.body))
        : describeRecordQuery(checkRecordQuery(kind as 'ephemeris' | 'data_products', ctx.body))
    return { status: 200, body: text }
  }
  const availability = /^\/availability\/(ephemeris|data_products)$/.exec(path)
  if (availability && ctx.method === 'GET')
    return available(ctx, availability[1] as 'ephemeris' | 'data_products')
  return undefined
}

function submit(ctx: RouteContext, kind: SearchKind): Reply {
  let result: Record<string, unknown>[]
  if (kind === 'conjunctions') result = runConjunctionQuery(ctx.store, checkConjunctionQuery(ctx.body))
  else result = runRecordQuery(ctx.store, checkRecordQuery(kind, ctx.body))
  const failure = ctx.failSearch?.(kind, ctx.body)
  const outcome = failure === undefined ? { result } : { failure }
  const request = ctx.requests.add(kind, ctx.publicUrl, ctx.body, outcome, ctx.searchDelayMs, ctx.searchPolls)
  return { status: 202, headers: { location: request.url } }
}

function requestRoute(ctx: RouteContext, kind: SearchKind, id: string, data: boolean): Reply | undefined {
  const request = ctx.requests.all.get(id)
  if (!request || request.kind !== kind)
    return fail(404, 'NOT_FOUND', `No search request found with id ${id}`)
  const now = Date.now()
  if (!data) {
    if (ctx.method === 'GET') {
      request.polls++
      return { status: 200, body: statusOf(request, now) }
    }
    if (ctx.method === 'DELETE') {
      if (!isDone(request, now)) request.cancelled = true
      return { status: 200 }
    }
    return undefined
  }
  if (ctx.method !== 'GET' && ctx.method !== 'POST') return undefined
  if (!isDone(request, now) || request.cancelled || request.failure !== undefined) {
    return {
      status: 200,
      body: {
        error: {
          error_code: 'NOT_AVAILABLE',
          error_message: 'No result is available for this search request',
        },
      },
    }
  }
  if (request.expired) {
    return {
      status: 200,
      body: {
        error: {
          error_code: 'RESULT_EXPIRED',
          error_message: 'The result file of this search request has expired; run the search again',
        },
      },
    }
  }
  if (ctx.method === 'POST' && ctx.body !== undefined) {
    const { result } = JSON.parse(request.body) as { result: unknown[] }
    return { status: 200, body: { result: result.map((r) => project(r, ctx.body)) } }
  }
  return { status: 200, body: request.body, headers: { 'content-type': 'application/json' } }
}

/** Keeps the fields a `response_format` marks true (objects nest). */
function project(value: unknown, format: unknown): unknown {
  if (format === true || typeof format !== 'object' || format === null) return value
  if (Array.isArray(value)) return value.map((v) => project(v, format))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, want] of Object.entries(format as Record<string, unknown>)) {
    if (want && key in value) out[key] = project((value as Record<string, unknown>)[key], want)
  }
  return out
}

function available(ctx: RouteContext, kind: 'ephemeris' | 'data_products'): Reply {
  const q = ctx.url.searchParams
  const start = parseWireTime(q.get('start'))
  const end = parseWireTime(q.get('end'))
  if (start === undefined || end === undefined || end < start)
    refuse(400, 'VALIDATION_ERROR', 'start and end must be dates YYYY-MM-DD, start <= end')
  const format = q.get('format') ?? 'basic_info'
  if (!SOURCE_FORMATS.includes(format)) refuse(400, 'VALIDATION_ERROR', 'unknown format')
  const get = (k: string) => q.get(k) ?? undefined
  const sources = ctx.store
    .listSources({
      program: get('program'),
      platform: get('platform'),
      instrument_type: get('instrument_type'),
      source_type: get('source_type'),
      owner: get('owner'),
    })
    .filter((s) => s.identifier >= 0)
  const last = end + DAY
  const body = sources.map((s) => {
    const counts: Record<string, number> = {}
    for (let day = start; day < last; day += DAY) counts[wireDate(day)] = 0
    const times =
      kind === 'ephemeris'
        ? [...(ctx.store.ephemeris.get(s.identifier)?.keys() ?? [])]
        : [...(ctx.store.dataProducts.get(s.identifier)?.values() ?? [])].map((r) => r.start)
    for (const t of times) {
      if (t >= start && t < last) {
        const key = wireDate(t)
        counts[key] = (counts[key] ?? 0) + 1
      }
    }
    const field = kind === 'ephemeris' ? 'available_ephemeris' : 'available_data_products'
    return { data_source: sourceView(s, format), [field]: counts }
  })
  return { status: 200, body }
}
