import {
  type CallContext,
  type DataFile,
  type DatasetInfo,
  type DatasetQuery,
  defineProvider,
  type FileQuery,
  type Provider,
  throwIfAborted,
} from '@heliokit/core'
import type { AuroraxApi } from './aurorax-api.ts'
import { type AuroraxOptions, checkOptions, connect } from './connection.ts'
import { createApi } from './create-api.ts'
import { toDataFile } from './data-files.ts'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxDataProductType, AuroraxDataSource } from './records.ts'
import { toDate } from './wire-time.ts'

/**
 * The AuroraX search engine (api.aurorax.space): data sources, asynchronous ephemeris, data product
 * and conjunction searches, availability, uploads and deletes. An API key is needed for writes only.
 */
export function aurorax(options: AuroraxOptions = {}): Provider<'aurorax', AuroraxApi> {
  checkOptions(options)
  return defineProvider({
    id: PROVIDER_ID,
    title: 'AuroraX search engine',
    capabilities: ['upload'],
    async *datasets(query: DatasetQuery, ctx: CallContext): AsyncIterable<DatasetInfo> {
      const text = query.text
      if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) {
        throw invalid('text', 'must be a non-empty string')
      }
      throwIfAborted(ctx.signal, PROVIDER_ID)
      const api = createApi(connect(ctx, options))
      const found = await api.sources.list({ format: 'with_metadata', signal: ctx.signal })
      const wanted = text?.toLowerCase()
      for (const s of found) {
        const names = [s.program, s.platform, s.instrumentType, s.displayName].join(' ').toLowerCase()
        if (wanted && !names.includes(wanted)) continue
        throwIfAborted(ctx.signal, PROVIDER_ID)
        yield datasetInfo(s)
      }
    },
    async *files(query: FileQuery, ctx: CallContext): AsyncIterable<DataFile> {
      const identifier = Number(query.dataset)
      if (typeof query.dataset !== 'string' || !/^\d+$/.test(query.dataset)) {
        throw invalid('dataset', 'must be a data source identifier, as datasets() lists them')
      }
      const start = toDate(query.start, 'start')
      const end = toDate(query.end, 'end')
      if (end.getTime() <= start.getTime()) throw invalid('end', 'must be after start')
      const types = query.dataProductTypes as AuroraxDataProductType[] | undefined
      throwIfAborted(ctx.signal, PROVIDER_ID)
      const api = createApi(connect(ctx, options))
      const source = await api.sources.get(identifier, { format: 'basic_info', signal: ctx.signal })
      const { records } = await api.dataProducts.run(
        {
          start,
          end,
          programs: [source.program!],
          platforms: [source.platform!],
          instrumentTypes: [source.instrumentType!],
          dataProductTypes: types,
        },
        { signal: ctx.signal },
      )
      for (const r of records) {
        // The search is inclusive; a FileQuery is half-open.
        if (r.start.getTime() >= end.getTime()) continue
        const file = toDataFile(query.dataset, r)
        if (!file) continue
        throwIfAborted(ctx.signal, PROVIDER_ID)
        yield file
      }
    },
    connect: (ctx) => createApi(connect(ctx, options)),
  })
}

function datasetInfo(s: AuroraxDataSource): DatasetInfo {
  const names = [s.program, s.platform, s.instrumentType].filter(Boolean).join(' / ')
  return {
    provider: PROVIDER_ID,
    id: String(s.identifier),
    title: s.displayName ?? names,
    description: `${names}${s.sourceType ? ` (${s.sourceType})` : ''}`,
    links: [],
    raw: s,
  }
}
