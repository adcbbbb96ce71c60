import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultPlan } from '../faults.ts'
import { sendJson, startHttpServer, type TestHttpServer } from '../http-server.ts'
import { serveBytes } from '../serve-bytes.ts'
import { withCors } from '../with-cors.ts'
import { DATASETS, datasetRecord, type EmulatedDataset } from './dataset-catalog.ts'
import { fileBody, fileSize } from './file-bytes.ts'
import { fileUrls } from './file-urls.ts'
import { observatoriesOf } from './observatories.ts'

/** Longest `urls` listing per file time resolution, in ms. Only the 1min limit is the real server's. */
export interface UcalgaryListingLimits {
  readonly '1min'?: number
  readonly '1hr'?: number
  readonly '1day'?: number
}

export interface UcalgaryEmulatorOptions {
  /** Faults for the API host. */
  readonly faults?: FaultPlan
  /** Faults for the data host. */
  readonly dataFaults?: FaultPlan
  /** Files that are listed but answered with a 200 HTML error page, by data-host path (`/sort_by_project/...`). */
  readonly missingFiles?: (path: string) => boolean
  /** Override the listing limits (defaults: one day, 31 days, 366 days). */
  readonly listingLimits?: UcalgaryListingLimits
  /** Raw records appended to the dataset list (listed with no files), e.g. with an unknown level. */
  readonly extraDatasets?: readonly Readonly<Record<string, unknown>>[]
  /** `urls` filters the server accepts but does not apply, so files of every site or device come back. */
  readonly ignoredFilters?: readonly ('site_uid' | 'device_uid')[]
}

export interface UcalgaryEmulator {
  /** API base, as `ucalgary({ baseUrl })` takes it; paths live under `/api/v1/data_distribution/`. */
  readonly apiUrl: string
  /** The data host the listed URLs point at. */
  readonly dataUrl: string
  readonly api: TestHttpServer
  readonly data: TestHttpServer
  /** The exact bytes the data host serves for a listed URL. */
  expectedBytes(url: string): Uint8Array
  close(): Promise<void>
}

const DAY = 86_400_000
const DEFAULT_LIMITS = { '1min': DAY, '1hr': 31 * DAY, '1day': 366 * DAY } as const
const LIMIT_TEXT: Readonly<Record<string, string>> = {
  '1min': 'one day',
  '1hr': '31 days',
  '1day': '366 days',
}
const API_PREFIX = '/api/v1/data_distribution/'
const TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i

type Reply = readonly [status: number, body: unknown]

/**
 * Starts a local UCalgary data distribution API and data host. The API speaks the `datasets`,
 * `observatories` and `urls` endpoints with the real shapes and error messages; the data host serves
 * deterministic bodies for every listed file, with Range support.
 */
export async function startUcalgaryEmulator(
  options: UcalgaryEmulatorOptions = {},
): Promise<UcalgaryEmulator> {
  const limits = { ...DEFAULT_LIMITS, ...options.listingLimits }
  const data = await startHttpServer(withCors((req, res) => serveDataFile(req, res, options)))
  const dataUrl = data.url
  const api = await startHttpServer(
    withCors((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      for (const filter of options.ignoredFilters ?? []) url.searchParams.delete(filter)
      const [status, body] = route(url, dataUrl, limits, options.extraDatasets ?? [])
      const fault = options.faults?.pick(req)
      if (fault)
        serveBytes(req, res, Buffer.from(JSON.stringify(body)), { fault, contentType: 'application/json' })
      else sendJson(res, status, body)
    }),
  )
  return {
    apiUrl: api.url,
    dataUrl,
    api,
    data,
    expectedBytes: (url) => fileBody(new URL(url).pathname),
    close: async () => {
      await Promise.all([api.close(), data.close()])
    },
  }
}

function route(
  url: URL,
  dataUrl: string,
  limits: Readonly<Record<string, number>>,
  extras: readonly Readonly<Record<string, unknown>>[],
): Reply {
  const q = url.searchParams
  switch (url.pathname) {
    case `${API_PREFIX}datasets`: {
      const name = q.get('name')?.toUpperCase() ?? ''
      const level = q.get('level')?.toUpperCase()
      const all = [...DATASETS.map((d) => datasetRecord(d, dataUrl)), ...extras] as Record<string, unknown>[]
      return [
        200,
        all.filter(
          (d) =>
            String(d.name).toUpperCase().includes(name) &&
            (!level || String(d.level).toUpperCase() === level),
        ),
      ]
    }
    case `${API_PREFIX}observatories`: {
      const array = q.get('instrument_array')
      if (!array) return missing('instrument_array')
      const found = observatoriesOf(array, q.get('uid') ?? undefined)
      return found
        ? [200, found]
        : invalid('instrument_array', 'enum', 'Input should be a known instrument array')
    }
    case `${API_PREFIX}urls`:
      return listUrls(q, dataUrl, limits, extras)
    default:
      return [404, { detail: 'Not Found' }]
  }
}

function listUrls(
  q: URLSearchParams,
  dataUrl: string,
  limits: Readonly<Record<string, number>>,
  extras: readonly Readonly<Record<string, unknown>>[],
): Reply {
  for (const field of ['name', 'start', 'end']) if (!q.get(field)) return missing(field)
  const start = parseWireTime(q.get('start')!)
  if (!start) return invalid('start', 'datetime_parsing', 'Input should be a valid datetime')
  const end = parseWireTime(q.get('end')!)
  if (!end) return invalid('end', 'datetime_parsing', 'Input should be a valid datetime')
  const includeBytes = /^(true|1|yes|on)$/i.test(q.get('include_total_bytes') ?? '')
  const name = q.get('name')!
  const dataset = DATASETS.find((d) => d.name === name)
  const extra = extras.find((d) => d.name === name)
  if (!dataset && !extra) return [404, { detail: 'Dataset name does not exist' }]
  if (start > end) return [400, { detail: 'Start time is after the end time' }]
  if (!dataset) {
    return [
      200,
      { urls: [], path_prefix: dataUrl, count: 0, dataset: extra, total_bytes: includeBytes ? 0 : null },
    ]
  }
  const limit = limits[dataset.resolution]
  if (limit !== undefined && end.getTime() - start.getTime() > limit) {
    return [400, { detail: timeframeMessage(dataset, limit) }]
  }
  const site = q.get('site_uid') ?? undefined
  const device = q.get('device_uid') ?? undefined
  const urls = fileUrls(dataset, dataUrl, { start, end, site, device })
  const total = includeBytes ? urls.reduce((sum, u) => sum + fileSize(new URL(u).pathname), 0) : null
  return [
    200,
    {
      urls,
      path_prefix: `${dataUrl}/${dataset.prefix}`,
      count: urls.length,
      dataset: datasetRecord(dataset, dataUrl),
      total_bytes: total,
    },
  ]
}

function timeframeMessage(dataset: EmulatedDataset, limit: number): string {
  const span = limit === DEFAULT_LIMITS[dataset.resolution as keyof typeof DEFAULT_LIMITS]
  const text = span ? LIMIT_TEXT[dataset.resolution] : `${limit / 60_000} minutes`
  return `Timeframe exceeds valid range; this dataset listing must be limited to ${text}`
}

// Times without an offset are UTC, as the real API (FastAPI with naive datetimes) treats them.
function parseWireTime(text: string): Date | undefined {
  if (!TIME_PATTERN.test(text)) return undefined
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || text.length === 10 ? text : `${text}Z`
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : zoned.replace(' ', 'T'))
  return Number.isNaN(date.getTime()) ? undefined : date
}

function missing(field: string): Reply {
  return [422, { detail: [{ type: 'missing', loc: ['query', field], msg: 'Field required', input: null }] }]
}

function invalid(field: string, type: string, msg: string): Reply {
  return [422, { detail: [{ type, loc: ['query', field], msg }] }]
}

const NOT_FOUND_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>404 Not Found</title></head>' +
  '<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n'

function serveDataFile(req: IncomingMessage, res: ServerResponse, options: UcalgaryEmulatorOptions): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  const known = DATASETS.some((d) => path.startsWith(`/${d.prefix}/`)) && /\/[^/]+\.[^/]+$/.test(path)
  if (!known || path.includes('/../')) {
    res.writeHead(404, { 'content-type': 'text/html; charset=iso-8859-1' })
    res.end(NOT_FOUND_PAGE)
    return
  }
  if (options.missingFiles?.(path)) {
    serveBytes(req, res, new Uint8Array(0), { fault: { kind: 'html-200' } })
    return
  }
  serveBytes(req, res, fileBody(path), { fault: options.dataFaults?.pick(req) })
}
