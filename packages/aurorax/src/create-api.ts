import type {
  AuroraxApi,
  AuroraxConjunctionsApi,
  AuroraxDataProductsApi,
  AuroraxEphemerisApi,
  AuroraxSearches,
} from './aurorax-api.ts'
import { availability } from './availability.ts'
import type { AuroraxConnection } from './connection.ts'
import { dataSources } from './data-sources.ts'
import { deleteDataProductUrls, deleteEphemeris, resolveSource } from './delete-records.ts'
import { describeQuery } from './describe.ts'
import { invalid } from './input-error.ts'
import type { RecordParser } from './parse-records.ts'
import { wireDataProduct, wireEphemeris } from './record-input.ts'
import { conjunctionRecords, dataProductRecords, ephemerisRecords } from './record-parsers.ts'
import { AuroraxSearch, type AuroraxSearchKind } from './search.ts'
import {
  type AuroraxDataProductQuery,
  type AuroraxEphemerisQuery,
  conjunctionSearchBody,
  recordSearchBody,
} from './search-queries.ts'
import { uploadRecords } from './upload.ts'

const DESCRIBE_KIND = {
  ephemeris: 'ephemeris',
  data_products: 'data_products',
  conjunctions: 'conjunction',
} as const

function searches<Q, T>(
  conn: AuroraxConnection,
  kind: AuroraxSearchKind,
  schema: RecordParser<T>,
  body: (query: Q) => Record<string, unknown>,
): AuroraxSearches<Q, T> {
  const search = (query: Q) => new AuroraxSearch(conn, kind, schema, { query: body(query) })
  return {
    search,
    run: async (query, options) => search(query).run(options),
    request: (idOrUrl) => {
      if (typeof idOrUrl !== 'string' || idOrUrl === '')
        throw invalid('request', 'must be a request id or URL')
      const url = /^https?:\/\//i.test(idOrUrl)
        ? idOrUrl
        : /^[\w-]+$/.test(idOrUrl)
          ? `${conn.api.baseUrl.href}${kind}/requests/${idOrUrl}`
          : undefined
      if (!url) throw invalid('request', 'must be a request id (letters, digits, "-") or an http(s) URL')
      return new AuroraxSearch(conn, kind, schema, { requestUrl: url })
    },
    describe: async (query, options = {}) => {
      const wire = query instanceof AuroraxSearch ? query.query : body(query as Q)
      if (!wire) throw invalid('query', 'this search was attached by request id and has no query to describe')
      return describeQuery(conn, DESCRIBE_KIND[kind], { ...wire }, options)
    },
  }
}

export function createApi(conn: AuroraxConnection): AuroraxApi {
  const dataProductSearches = searches(
    conn,
    'data_products',
    dataProductRecords,
    (q: AuroraxDataProductQuery) => recordSearchBody('data_products', q),
  )
  const ephemeris: AuroraxEphemerisApi = {
    ...searches(conn, 'ephemeris', ephemerisRecords, (q: AuroraxEphemerisQuery) =>
      recordSearchBody('ephemeris', q),
    ),
    availability: async (start, end, filter = {}) => availability(conn, 'ephemeris', start, end, filter),
    upload: async (identifier, records, options = {}) =>
      uploadRecords(
        conn,
        'ephemeris',
        identifier,
        records,
        (r) => wireEphemeris(r, options.truncateSeconds === true),
        options,
      ),
    delete: async (source, start, end, options = {}) => deleteEphemeris(conn, source, start, end, options),
  }
  const dataProducts: AuroraxDataProductsApi = {
    ...dataProductSearches,
    availability: async (start, end, filter = {}) => availability(conn, 'data_products', start, end, filter),
    upload: async (identifier, records, options = {}) =>
      uploadRecords(conn, 'data_products', identifier, records, wireDataProduct, options),
    deleteUrls: async (source, urls, options = {}) => deleteDataProductUrls(conn, source, urls, options),
    delete: async (source, start, end, options = {}) => {
      const names = await resolveSource(conn, source, options.signal)
      const { records } = await dataProductSearches.run(
        {
          start,
          end,
          programs: [names.program],
          platforms: [names.platform],
          instrumentTypes: [names.instrument_type],
          dataProductTypes: options.dataProductTypes,
        },
        options,
      )
      const source_ = {
        identifier: names.identifier,
        program: names.program,
        platform: names.platform,
        instrumentType: names.instrument_type,
      }
      const urls = records.filter((r) => r.dataSource.identifier === names.identifier).map((r) => r.url)
      await deleteDataProductUrls(conn, source_, urls, options)
      return urls.length
    },
  }
  const conjunctions: AuroraxConjunctionsApi = searches(
    conn,
    'conjunctions',
    conjunctionRecords,
    conjunctionSearchBody,
  )
  return { sources: dataSources(conn), ephemeris, dataProducts, conjunctions }
}
