import { invalid } from './input-error.ts'
import type { AuroraxMetadataField, AuroraxSourceType } from './records.ts'
import { SOURCE_TYPES } from './records.ts'

/** A data source as a caller writes it; `add` needs the five names, `update` takes any subset. */
export interface AuroraxDataSourceInput {
  /** Asked-for identifier (administrators only); the server assigns one otherwise. */
  readonly identifier?: number
  readonly program?: string
  readonly platform?: string
  readonly instrumentType?: string
  readonly sourceType?: AuroraxSourceType
  readonly displayName?: string
  readonly metadata?: Readonly<Record<string, unknown>> | null
  readonly owner?: string | null
  readonly maintainers?: readonly string[] | null
  readonly ephemerisMetadataSchema?: readonly AuroraxMetadataField[] | null
  readonly dataProductMetadataSchema?: readonly AuroraxMetadataField[] | null
}

const LIMITS = { program: 200, platform: 50, instrumentType: 200, displayName: 50 } as const
const WIRE: Readonly<Record<string, string>> = {
  program: 'program',
  platform: 'platform',
  instrumentType: 'instrument_type',
  sourceType: 'source_type',
  displayName: 'display_name',
  metadata: 'metadata',
  owner: 'owner',
  maintainers: 'maintainers',
  ephemerisMetadataSchema: 'ephemeris_metadata_schema',
  dataProductMetadataSchema: 'data_product_metadata_schema',
}

/** Checks a data source input and gives its wire form: only the fields given, unless `all`. */
export function wireSource(
  input: AuroraxDataSourceInput,
  mode: 'add' | 'partial' | 'full',
): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) throw invalid('dataSource', 'must be an object')
  const out: Record<string, unknown> = {}
  const required = mode !== 'partial'
  for (const [name, limit] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    const v = input[name]
    if (v === undefined && !required) continue
    if (typeof v !== 'string' || v.trim() === '') throw invalid(name, 'is required (a non-empty string)')
    if (v.length > limit) throw invalid(name, `must be at most ${limit} characters, got ${v.length}`)
    out[WIRE[name]!] = v
  }
  if (input.sourceType !== undefined || required) {
    if (!SOURCE_TYPES.includes(input.sourceType as AuroraxSourceType)) {
      throw invalid('sourceType', `must be one of ${SOURCE_TYPES.join(', ')}`)
    }
    out.source_type = input.sourceType
  }
  if (input.metadata !== undefined || mode === 'full') {
    const m = input.metadata ?? null
    if (m !== null && (typeof m !== 'object' || Array.isArray(m)))
      throw invalid('metadata', 'must be an object')
    out.metadata = m
  }
  if (input.owner !== undefined || mode === 'full') {
    if (input.owner != null && typeof input.owner !== 'string')
      throw invalid('owner', 'must be an email address')
    out.owner = input.owner ?? null
  }
  if (input.maintainers !== undefined || mode === 'full') {
    const m = input.maintainers ?? null
    if (m !== null && (!Array.isArray(m) || m.some((x) => typeof x !== 'string'))) {
      throw invalid('maintainers', 'must be a list of email addresses')
    }
    out.maintainers = m
  }
  for (const name of ['ephemerisMetadataSchema', 'dataProductMetadataSchema'] as const) {
    const v = input[name]
    if (v === undefined && mode !== 'full') continue
    out[WIRE[name]!] = v == null ? null : wireSchema(v, name)
  }
  if (input.identifier !== undefined) {
    if (!Number.isInteger(input.identifier)) throw invalid('identifier', 'must be an integer')
    out.identifier = input.identifier
  }
  return out
}

function wireSchema(fields: readonly AuroraxMetadataField[], where: string): Record<string, unknown>[] {
  if (!Array.isArray(fields)) throw invalid(where, 'must be a list of metadata fields')
  return fields.map((f, i) => {
    if (typeof f?.fieldName !== 'string' || f.fieldName === '')
      throw invalid(`${where}.${i}.fieldName`, 'is required')
    if (typeof f.dataType !== 'string' || f.dataType === '')
      throw invalid(`${where}.${i}.dataType`, 'is required')
    return {
      field_name: f.fieldName,
      description: f.description ?? '',
      data_type: f.dataType,
      allowed_values: [...(f.allowedValues ?? [])],
      additional_description: f.additionalDescription ?? null,
      searchable: f.searchable ?? true,
    }
  })
}
