import { type MetadataSchemaField, SOURCE_TYPES, type SourceType, type StoredSource } from './store.ts'
import { isStringList, refuse } from './wire.ts'

const LIMITS = { program: 200, platform: 50, instrument_type: 200, display_name: 50 } as const

type Editable = Omit<StoredSource, 'identifier'>

/** Checks the fields of a data source body; `partial` allows leaving fields out (PATCH). */
export function checkSourceFields(body: unknown, partial: boolean): Partial<Editable> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    refuse(400, 'VALIDATION_ERROR', 'the data source must be a JSON object')
  }
  const b = body as Record<string, unknown>
  const out: Partial<Editable> = {}
  for (const [name, limit] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    const v = b[name]
    if (v === undefined && partial) continue
    if (typeof v !== 'string' || v.length === 0) refuse(400, 'VALIDATION_ERROR', `${name} is required`)
    if (v.length > limit) refuse(400, 'VALIDATION_ERROR', `${name} must be at most ${limit} characters`)
    out[name] = v
  }
  if (b.source_type !== undefined || !partial) {
    if (!SOURCE_TYPES.includes(b.source_type as SourceType)) {
      refuse(400, 'VALIDATION_ERROR', `source_type must be one of ${SOURCE_TYPES.join(', ')}`)
    }
    out.source_type = b.source_type as SourceType
  }
  if (b.metadata !== undefined) {
    if (b.metadata !== null && (typeof b.metadata !== 'object' || Array.isArray(b.metadata))) {
      refuse(400, 'VALIDATION_ERROR', 'metadata must be an object')
    }
    out.metadata = (b.metadata ?? {}) as Record<string, unknown>
  }
  if (b.owner !== undefined) {
    if (b.owner !== null && typeof b.owner !== 'string')
      refuse(400, 'VALIDATION_ERROR', 'owner must be an email')
    out.owner = b.owner
  }
  if (b.maintainers !== undefined) {
    if (b.maintainers !== null && !isStringList(b.maintainers))
      refuse(400, 'VALIDATION_ERROR', 'maintainers must be a list of emails')
    out.maintainers = b.maintainers ?? []
  }
  for (const name of ['ephemeris_metadata_schema', 'data_product_metadata_schema'] as const) {
    if (b[name] !== undefined) out[name] = checkSchema(b[name], name)
  }
  return out
}

function checkSchema(value: unknown, where: string): MetadataSchemaField[] {
  if (value === null) return []
  if (!Array.isArray(value)) refuse(400, 'VALIDATION_ERROR', `${where} must be a list`)
  return value.map((f: Record<string, unknown>, i: number) => {
    if (typeof f?.field_name !== 'string' || typeof f.data_type !== 'string') {
      refuse(400, 'VALIDATION_ERROR', `${where}[${i}] needs field_name and data_type`)
    }
    return {
      field_name: f.field_name,
      description: typeof f.description === 'string' ? f.description : '',
      data_type: f.data_type,
      allowed_values: isStringList(f.allowed_values) ? f.allowed_values : [],
      additional_description: typeof f.additional_description === 'string' ? f.additional_description : null,
      searchable: f.searchable !== false,
    }
  })
}
