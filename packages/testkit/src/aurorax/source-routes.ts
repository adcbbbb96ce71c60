import { mayCreateSource, mayDelete, mayUpdateSource, mayWriteRecords } from './accounts.ts'
import { selectsSource } from './record-search.ts'
import { type RouteContext, writable } from './route-context.ts'
import { checkSourceFields } from './source-fields.ts'
import { SOURCE_FORMATS, type StoredSource, sourceView } from './store.ts'
import { checkDataProductUpload, checkEphemerisUpload } from './upload-records.ts'
import { fail, isStringList, parseWireTime, type Reply, refuse } from './wire.ts'

/** `/data_sources...` routes; undefined when the path is not one of them. */
export function sourceRoute(ctx: RouteContext, path: string): Reply | undefined {
  const { method } = ctx
  if (path === '/data_sources') {
    if (method === 'GET') return listSources(ctx)
    if (method === 'POST') return addSource(ctx)
    return notAllowed()
  }
  if (path === '/data_sources/search') return method === 'POST' ? searchSources(ctx) : notAllowed()
  const m = /^\/data_sources\/(-?\d+)(?:\/(ephemeris|data_products))?$/.exec(path)
  if (!m) return undefined
  const id = Number(m[1])
  const records = m[2] as 'ephemeris' | 'data_products' | undefined
  if (!records) {
    if (method === 'GET') return { status: 200, body: view(ctx, sourceOf(ctx, id)) }
    if (method === 'PATCH') return updateSource(ctx, id)
    if (method === 'DELETE') return deleteSource(ctx, id)
    return notAllowed()
  }
  if (method === 'POST') return upload(ctx, sourceOf(ctx, id), records)
  if (method === 'DELETE') return deleteRecords(ctx, sourceOf(ctx, id), records)
  return notAllowed()
}

function notAllowed(): Reply {
  return fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed')
}

function sourceOf(ctx: RouteContext, id: number): StoredSource {
  const found = ctx.store.sources.get(id)
  if (!found) refuse(404, 'NOT_FOUND', `No data source record found with identifier ${id}`)
  return found
}

function formatOf(ctx: RouteContext): string {
  const format = ctx.url.searchParams.get('format') ?? 'full_record'
  if (!SOURCE_FORMATS.includes(format))
    refuse(400, 'VALIDATION_ERROR', `format must be one of ${SOURCE_FORMATS.join(', ')}`)
  return format
}

function view(ctx: RouteContext, s: StoredSource): Record<string, unknown> {
  const stats =
    ctx.url.searchParams.get('include_stats') === 'true' ? ctx.store.stats(s.identifier) : undefined
  return sourceView(s, formatOf(ctx), stats)
}

function listSources(ctx: RouteContext): Reply {
  const q = ctx.url.searchParams
  const get = (k: string) => q.get(k) ?? undefined
  const found = ctx.store.listSources({
    program: get('program'),
    platform: get('platform'),
    instrument_type: get('instrument_type'),
    source_type: get('source_type'),
    owner: get('owner'),
  })
  // The API lists internal (negative) sources too; clients leave them out.
  return { status: 200, body: found.map((s) => view(ctx, s)) }
}

function searchSources(ctx: RouteContext): Reply {
  const b = (ctx.body ?? {}) as Record<string, unknown>
  const lists = ['programs', 'platforms', 'instrument_types'].map((k) => {
    if (b[k] === undefined || b[k] === null) return []
    if (!isStringList(b[k])) refuse(400, 'VALIDATION_ERROR', `${k} must be a list of strings`)
    return b[k]
  })
  const found = [...ctx.store.sources.values()].filter((s) =>
    selectsSource(s, lists[0]!, lists[1]!, lists[2]!),
  )
  return { status: 200, body: found.map((s) => view(ctx, s)) }
}

function addSource(ctx: RouteContext): Reply {
  writable(ctx)
  const account = mayCreateSource(ctx.account)
  const fields = checkSourceFields(ctx.body, false)
  const wanted = (ctx.body as { identifier?: unknown }).identifier
  if (
    wanted !== undefined &&
    wanted !== null &&
    (!Number.isInteger(wanted) || ctx.store.sources.has(wanted as number))
  ) {
    refuse(409, 'DUPLICATE', `A data source with identifier ${wanted} already exists`)
  }
  if (ctx.store.findSource(fields.program!, fields.platform!, fields.instrument_type!)) {
    refuse(409, 'DUPLICATE', 'A data source with this program, platform and instrument_type already exists')
  }
  const defaults = {
    metadata: {},
    maintainers: [],
    ephemeris_metadata_schema: [],
    data_product_metadata_schema: [],
  }
  const source = ctx.store.addSource({
    ...defaults,
    ...(fields as Required<typeof fields>),
    owner: account.role === 'administrator' && fields.owner ? fields.owner : account.email,
    ...(wanted === undefined || wanted === null ? {} : { identifier: wanted as number }),
  })
  return { status: 200, body: sourceView(source, 'full_record') }
}

function updateSource(ctx: RouteContext, id: number): Reply {
  writable(ctx)
  const source = sourceOf(ctx, id)
  mayUpdateSource(ctx.account, source)
  const given = (ctx.body as { identifier?: unknown } | undefined)?.identifier
  if (given !== undefined && given !== null && given !== id) {
    refuse(400, 'VALIDATION_ERROR', 'identifier in the body does not match the URL')
  }
  const fields = checkSourceFields(ctx.body, true)
  const next = { ...source, ...fields }
  const clash = ctx.store.findSource(next.program, next.platform, next.instrument_type)
  if (clash && clash.identifier !== id) {
    refuse(409, 'DUPLICATE', 'A data source with this program, platform and instrument_type already exists')
  }
  ctx.store.sources.set(id, next)
  return { status: 200, body: sourceView(next, 'full_record') }
}

function deleteSource(ctx: RouteContext, id: number): Reply {
  writable(ctx)
  const source = sourceOf(ctx, id)
  mayDelete(ctx.account, 'data sources')
  if (ctx.store.hasRecords(source.identifier)) {
    refuse(
      409,
      'CONFLICT',
      `Data source ${id} still has records; delete its ephemeris and data products first`,
    )
  }
  ctx.store.sources.delete(id)
  return { status: 200 }
}

function upload(ctx: RouteContext, source: StoredSource, kind: 'ephemeris' | 'data_products'): Reply {
  writable(ctx)
  mayWriteRecords(ctx.account, source)
  const checked =
    kind === 'ephemeris' ? checkEphemerisUpload(ctx.body, source) : checkDataProductUpload(ctx.body, source)
  if ('problems' in checked) return { status: 400, body: checked.problems }
  if (kind === 'ephemeris')
    ctx.store.upsertEphemeris(checked.records as Parameters<typeof ctx.store.upsertEphemeris>[0])
  else ctx.store.upsertDataProducts(checked.records as Parameters<typeof ctx.store.upsertDataProducts>[0])
  return { status: 202 }
}

function deleteRecords(ctx: RouteContext, source: StoredSource, kind: 'ephemeris' | 'data_products'): Reply {
  writable(ctx)
  mayDelete(ctx.account, 'records')
  const b = (ctx.body ?? {}) as Record<string, unknown>
  if (
    b.program !== source.program ||
    b.platform !== source.platform ||
    b.instrument_type !== source.instrument_type
  ) {
    refuse(
      400,
      'VALIDATION_ERROR',
      `program, platform and instrument_type must match data source ${source.identifier}`,
    )
  }
  if (kind === 'ephemeris') {
    const start = parseWireTime(b.start)
    const end = parseWireTime(b.end)
    if (start === undefined || end === undefined || end < start)
      refuse(400, 'VALIDATION_ERROR', 'start and end must be timestamps, start <= end')
    ctx.store.deleteEphemeris(source.identifier, start, end)
  } else {
    if (!isStringList(b.urls)) refuse(400, 'VALIDATION_ERROR', 'urls must be a list of strings')
    ctx.store.deleteDataProducts(source.identifier, b.urls)
  }
  return { status: 202 }
}
