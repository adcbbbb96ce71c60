import { BadResponseError, type QueryValue } from '@heliokit/core'
import type { ServiceDescriptor } from './datalink-service.ts'
import { invalid } from './invalid.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { isNullAt } from './votable/column-store.ts'
import type { VotableTable, VotableValue } from './votable/model.ts'

function text(value: VotableValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  if (ArrayBuffer.isView(value) || Array.isArray(value))
    return Array.from(value as Iterable<unknown>).join(' ')
  return undefined
}

/**
 * The parameters for one call of a descriptor's service for some rows (pyvo `DatalinkQuery.from_resource`):
 * PARAMs with `ref` take each row's value of the FIELD with that ID (or name), PARAMs with a value are
 * sent as is, and `extra` adds or replaces parameters (matched by name without case; null removes one).
 */
export function descriptorParams(
  descriptor: ServiceDescriptor,
  table: VotableTable,
  rows: readonly number[],
  extra: Readonly<Record<string, QueryValue>> = {},
): Record<string, QueryValue> {
  for (const row of rows) {
    if (!Number.isInteger(row) || row < 0 || row >= table.rowCount) {
      throw invalid('row', `must be a row index from 0 to ${table.rowCount - 1}, got ${row}`)
    }
  }
  const params: Record<string, QueryValue> = {}
  for (const param of descriptor.inputParams) {
    if (param.ref !== undefined) {
      const field = table.fields.find((f) => f.id === param.ref) ?? table.field(param.ref)
      if (!field) {
        throw new BadResponseError(
          `the service descriptor's ${param.name} refers to FIELD ${JSON.stringify(param.ref)}, which the results table lacks`,
          { provider: PROVIDER_ID },
        )
      }
      const f = table.fields.indexOf(field)
      const column = table.columns[f]!
      // A null (NaN, or 0 flagged in `nulls` in an integer column) sends nothing.
      params[param.name] = rows
        .map((r) => (isNullAt(column, table.nulls[f], r) ? undefined : text(column[r])))
        .filter((v): v is string => v !== undefined && v !== '')
    } else if (param.rawValue !== '') {
      params[param.name] = param.rawValue
    }
  }
  for (const [key, value] of Object.entries(extra)) {
    const name = descriptor.inputParams.find((p) => p.name.toLowerCase() === key.toLowerCase())?.name ?? key
    if (value === null || value === undefined) delete params[name]
    else params[name] = value
  }
  return params
}
