import { NotFoundError, throwIfAborted } from '@heliokit/core'
import { z } from 'zod'
import type { AuroraxConnection } from './connection.ts'
import { type AuroraxDataSourceInput, wireSource } from './data-source-input.ts'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxDataSource, AuroraxSourceFormat, AuroraxSourceType } from './records.ts'
import { SOURCE_FORMATS, SOURCE_TYPES } from './records.ts'
import { dataSourceListSchema, dataSourceSchema } from './schemas.ts'
import type { AuroraxCallOptions } from './search.ts'

export interface AuroraxSourceOptions extends AuroraxCallOptions {
  /** Default `full_record`. */
  readonly format?: AuroraxSourceFormat
  /** Add record counts and loaded ranges. */
  readonly includeStats?: boolean
}

/** Exact-match filters for listing data sources. */
export interface AuroraxSourceFilter extends AuroraxSourceOptions {
  readonly program?: string
  readonly platform?: string
  readonly instrumentType?: string
  readonly sourceType?: AuroraxSourceType
  readonly owner?: string
}

export interface AuroraxSourceSearch {
  readonly programs?: readonly string[]
  readonly platforms?: readonly string[]
  readonly instrumentTypes?: readonly string[]
}

/** The data source operations of the API. */
export interface AuroraxDataSources {
  /** Sources matching every filter given, by identifier; internal (negative) ones are left out. */
  list(filter?: AuroraxSourceFilter): Promise<AuroraxDataSource[]>
  /** Sources in any of the programs, platforms and instrument types given. */
  search(criteria: AuroraxSourceSearch, options?: AuroraxSourceOptions): Promise<AuroraxDataSource[]>
  /** One source by identifier; NOT_FOUND when there is none. */
  get(identifier: number, options?: AuroraxSourceOptions): Promise<AuroraxDataSource>
  /** The source with these names; NOT_FOUND when there is none. */
  getByNames(
    program: string,
    platform: string,
    instrumentType: string,
    options?: AuroraxSourceOptions,
  ): Promise<AuroraxDataSource>
  /** Creates a source (owners and administrators); CONFLICT when one with these names exists. */
  add(source: AuroraxDataSourceInput, options?: AuroraxCallOptions): Promise<AuroraxDataSource>
  /** Changes only the fields given; returns the full record as stored. */
  update(
    identifier: number,
    changes: AuroraxDataSourceInput,
    options?: AuroraxCallOptions,
  ): Promise<AuroraxDataSource>
  /** Replaces the record with the one given (fields left out become null); returns it as stored. */
  replace(
    identifier: number,
    source: AuroraxDataSourceInput,
    options?: AuroraxCallOptions,
  ): Promise<AuroraxDataSource>
  /** Deletes a source (administrators); CONFLICT while it still has records. */
  delete(identifier: number, options?: AuroraxCallOptions): Promise<void>
}

function identifierOf(value: unknown): number {
  if (!Number.isInteger(value)) throw invalid('identifier', 'must be an integer')
  return value as number
}

function query(options: AuroraxSourceOptions): Record<string, string | boolean | undefined> {
  if (options.format !== undefined && !SOURCE_FORMATS.includes(options.format)) {
    throw invalid('format', `must be one of ${SOURCE_FORMATS.join(', ')}`)
  }
  return { format: options.format, include_stats: options.includeStats }
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw invalid(field, 'must be a non-empty string')
  return value
}

function names(value: readonly string[] | undefined, field: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalid(field, 'must be a list of strings')
  return [...value]
}

const visible = (list: AuroraxDataSource[]) =>
  list.filter((s) => s.identifier >= 0).sort((a, b) => a.identifier - b.identifier)

export function dataSources(conn: AuroraxConnection): AuroraxDataSources {
  const { api } = conn
  const get = async (identifier: number, options: AuroraxSourceOptions = {}) => {
    const id = identifierOf(identifier)
    const q = query(options)
    throwIfAborted(options.signal, PROVIDER_ID)
    return api.request({ path: `data_sources/${id}`, query: q, signal: options.signal }, dataSourceSchema)
  }
  const list = async (filter: AuroraxSourceFilter = {}) => {
    if (filter.sourceType !== undefined && !SOURCE_TYPES.includes(filter.sourceType)) {
      throw invalid('sourceType', `must be one of ${SOURCE_TYPES.join(', ')}`)
    }
    const q = {
      program: text(filter.program, 'program'),
      platform: text(filter.platform, 'platform'),
      instrument_type: text(filter.instrumentType, 'instrumentType'),
      source_type: filter.sourceType,
      owner: text(filter.owner, 'owner'),
      ...query(filter),
    }
    throwIfAborted(filter.signal, PROVIDER_ID)
    return visible(
      await api.request({ path: 'data_sources', query: q, signal: filter.signal }, dataSourceListSchema),
    )
  }
  const write = async (identifier: number, body: Record<string, unknown>, options: AuroraxCallOptions) => {
    throwIfAborted(options.signal, PROVIDER_ID)
    await api.send(
      { method: 'PATCH', path: `data_sources/${identifier}`, json: body, signal: options.signal },
      z.unknown(),
    )
    return get(identifier, { signal: options.signal })
  }
  return {
    list,
    get,
    search: async (criteria, options = {}) => {
      if (typeof criteria !== 'object' || criteria === null) throw invalid('criteria', 'must be an object')
      const json = {
        programs: names(criteria.programs, 'programs'),
        platforms: names(criteria.platforms, 'platforms'),
        instrument_types: names(criteria.instrumentTypes, 'instrumentTypes'),
      }
      const q = query(options)
      throwIfAborted(options.signal, PROVIDER_ID)
      const found = await api.request(
        {
          method: 'POST',
          path: 'data_sources/search',
          query: q,
          json,
          idempotent: true,
          signal: options.signal,
        },
        dataSourceListSchema,
      )
      return visible(found)
    },
    getByNames: async (program, platform, instrumentType, options = {}) => {
      for (const [v, f] of [
        [program, 'program'],
        [platform, 'platform'],
        [instrumentType, 'instrumentType'],
      ] as const) {
        if (typeof v !== 'string' || v === '') throw invalid(f, 'is required (a non-empty string)')
      }
      const found = await list({ ...options, program, platform, instrumentType })
      if (!found[0]) {
        throw new NotFoundError(`no data source ${program}/${platform}/${instrumentType}`, {
          provider: PROVIDER_ID,
        })
      }
      return found[0]
    },
    add: async (source, options = {}) => {
      const json = wireSource(source, 'add')
      throwIfAborted(options.signal, PROVIDER_ID)
      return api.request(
        { method: 'POST', path: 'data_sources', json, signal: options.signal },
        dataSourceSchema,
      )
    },
    update: async (identifier, changes, options = {}) => {
      const id = identifierOf(identifier)
      const body = wireSource(changes, 'partial')
      if (body.identifier !== undefined && body.identifier !== id)
        throw invalid('identifier', 'must match the one updated')
      return write(id, body, options)
    },
    replace: async (identifier, source, options = {}) => {
      const id = identifierOf(identifier)
      const body = wireSource(source, 'full')
      if (body.identifier !== undefined && body.identifier !== id)
        throw invalid('identifier', 'must match the one replaced')
      return write(id, { ...body, identifier: id }, options)
    },
    delete: async (identifier, options = {}) => {
      const id = identifierOf(identifier)
      throwIfAborted(options.signal, PROVIDER_ID)
      await api.send({ method: 'DELETE', path: `data_sources/${id}`, signal: options.signal }, z.unknown())
    },
  }
}
