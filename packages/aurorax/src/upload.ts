import {
  type ErrorIssue,
  type HeliokitError,
  InvalidInputError,
  isHeliokitError,
  type ProgressListener,
  throwIfAborted,
} from '@heliokit/core'
import { z } from 'zod'
import type { AuroraxConnection } from './connection.ts'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { dataSourceSchema } from './schemas.ts'
import type { AuroraxCallOptions } from './search.ts'
import { type AuroraxChunk, AuroraxUploadError } from './upload-error.ts'

export interface AuroraxUploadOptions extends AuroraxCallOptions {
  /** Records per request. Default 500. */
  readonly chunkSize?: number
  /** Check that every record names this data source before anything is sent. Default false. */
  readonly validateSource?: boolean
  /** Records stored so far (`completedItems`) of `totalItems`, and bytes sent. */
  readonly onProgress?: ProgressListener
}

export interface AuroraxUploadResult {
  readonly stored: number
  readonly chunks: number
}

const DEFAULT_CHUNK = 500
const encoder = new TextEncoder()

/** Converts every record (collecting all problems), then sends them in ordered chunks. */
export async function uploadRecords<I>(
  conn: AuroraxConnection,
  kind: 'ephemeris' | 'data_products',
  identifier: number,
  records: readonly I[],
  toWire: (record: I) => Record<string, unknown>,
  options: AuroraxUploadOptions,
): Promise<AuroraxUploadResult> {
  if (!Number.isInteger(identifier)) throw invalid('identifier', 'must be an integer')
  if (!Array.isArray(records)) throw invalid('records', 'must be a list')
  const size = options.chunkSize ?? DEFAULT_CHUNK
  if (!Number.isInteger(size) || size < 1) throw invalid('chunkSize', 'must be a positive integer')
  const wire = convert(records, toWire)
  throwIfAborted(options.signal, PROVIDER_ID)
  if (options.validateSource) await checkSource(conn, identifier, wire, options.signal)
  const chunks: AuroraxChunk[] = []
  for (let from = 0; from < wire.length; from += size) {
    chunks.push({ index: chunks.length, from, to: Math.min(from + size, wire.length) })
  }
  let sent = 0
  for (const chunk of chunks) {
    const part = wire.slice(chunk.from, chunk.to)
    try {
      throwIfAborted(options.signal, PROVIDER_ID)
      // Records are upserted by key, so sending a chunk again is safe: transient failures are retried.
      await conn.api.send(
        {
          method: 'POST',
          path: `data_sources/${identifier}/${kind}`,
          json: part,
          idempotent: true,
          signal: options.signal,
        },
        z.unknown(),
      )
    } catch (error) {
      const cause = error as HeliokitError
      if (!isHeliokitError(cause)) throw error
      const inFlight = cause.code === 'TIMEOUT' || cause.code === 'NETWORK' || cause.code === 'ABORTED'
      throw new AuroraxUploadError(
        {
          stored: chunk.from,
          total: wire.length,
          storedChunks: chunks.slice(0, chunk.index),
          failedChunk: chunk,
          failedChunkMayBeStored: inFlight && cause.status === undefined,
          unsentChunks: chunks.slice(chunk.index + 1),
        },
        cause,
      )
    }
    if (options.onProgress) {
      sent += encoder.encode(JSON.stringify(part)).length
      options.onProgress({ transferredBytes: sent, completedItems: chunk.to, totalItems: wire.length })
    }
  }
  return { stored: wire.length, chunks: chunks.length }
}

function convert<I>(
  records: readonly I[],
  toWire: (record: I) => Record<string, unknown>,
): Record<string, unknown>[] {
  const issues: ErrorIssue[] = []
  const out = records.map((r, i) => {
    try {
      return toWire(r)
    } catch (error) {
      if (!isHeliokitError(error)) throw error
      for (const issue of error.issues)
        issues.push({ path: `records.${i}.${issue.path}`, message: issue.message })
      return {}
    }
  })
  if (issues.length) throw invalidRecords(issues)
  return out
}

function invalidRecords(issues: ErrorIssue[]): InvalidInputError {
  const shown = issues.slice(0, 3).map((i) => `${i.path} ${i.message}`)
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : ''
  return new InvalidInputError(
    `${issues.length} invalid record field(s), nothing sent: ${shown.join('; ')}${more}`,
    {
      provider: PROVIDER_ID,
      issues,
    },
  )
}

async function checkSource(
  conn: AuroraxConnection,
  identifier: number,
  wire: readonly Record<string, unknown>[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const source = await conn.api.request(
    { path: `data_sources/${identifier}`, query: { format: 'basic_info' }, signal },
    dataSourceSchema,
  )
  const issues: ErrorIssue[] = []
  wire.forEach((r, i) => {
    if (
      r.program !== source.program ||
      r.platform !== source.platform ||
      r.instrument_type !== source.instrumentType
    ) {
      issues.push({
        path: `records.${i}.dataSource`,
        message: `is ${r.program}/${r.platform}/${r.instrument_type}, not data source ${identifier} (${source.program}/${source.platform}/${source.instrumentType})`,
      })
    }
  })
  if (issues.length) throw invalidRecords(issues)
}
