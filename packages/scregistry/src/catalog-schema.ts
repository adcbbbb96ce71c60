import { z } from 'zod'
import { parseEntry, type ScregistryEntry } from './catalog-entry.ts'

/** A bucket's catalog.json, normalised across spec versions 0.1 to 1.1. */
export interface ScregistryCatalog {
  /** The folder catalog.json was read from (`s3://bucket/`), ending in `/`. */
  readonly endpoint: string
  /** Spec version (`version`, or `Cloudy` in older catalogs). */
  readonly version?: string
  readonly name?: string
  readonly egress?: string
  /** 1200 when the bucket serves data, 1400 when it is temporarily unavailable. */
  readonly status: { readonly code: number; readonly message: string }
  readonly contact?: string
  readonly description?: string
  readonly citation?: string
  readonly entries: readonly ScregistryEntry[]
  /** Entries left out (and why), and ids used more than once. */
  readonly problems: readonly string[]
  /** The document as read. */
  readonly raw: unknown
}

const text = z.union([z.string(), z.number()]).transform(String)

// `{ code, message }`, or a string such as "1200/OK" or "1200".
const statusSchema = z.union([
  z.object({ code: z.union([z.number(), z.string()]).transform(Number), message: text.optional() }),
  z.string().transform((s) => {
    const [code = '', ...rest] = s.split('/')
    return { code: Number(code.trim()), message: rest.join('/').trim() || undefined }
  }),
])

/** The catalog document, as the fields used are spelled in any version. */
export interface CatalogDocument {
  readonly version?: string
  readonly Cloudy?: string
  readonly name?: string
  readonly egress?: unknown
  readonly status?: { readonly code: number; readonly message?: string | undefined }
  readonly contact?: string
  readonly description?: string
  readonly citation?: string
  readonly catalog: unknown[]
}

export const catalogSchema: z.ZodType<CatalogDocument> = z.object({
  version: text.optional(),
  Cloudy: text.optional(),
  name: z.string().optional(),
  egress: z.unknown().optional(),
  status: statusSchema
    .refine((s) => Number.isInteger(s.code), 'must hold a numeric code such as 1200')
    .optional(),
  contact: z.string().optional(),
  description: z.string().optional(),
  citation: z.string().optional(),
  catalog: z.array(z.unknown()),
})

/** The typed catalog; entries that do not fit are listed in `problems`, not thrown. */
export function toCatalog(endpoint: string, raw: unknown, parsed: CatalogDocument): ScregistryCatalog {
  const entries: ScregistryEntry[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  parsed.catalog.forEach((item, i) => {
    const result = parseEntry(item, endpoint)
    if (!result.ok) {
      problems.push(
        `catalog.${i}: ${result.issues.map((x) => `${x.path || 'entry'} ${x.message}`).join('; ')}`,
      )
      return
    }
    if (seen.has(result.entry.id)) problems.push(`catalog.${i}: id ${result.entry.id} is used more than once`)
    seen.add(result.entry.id)
    entries.push(result.entry)
  })
  const status = parsed.status ?? { code: 1200, message: undefined }
  const egress = Array.isArray(parsed.egress) ? parsed.egress.join(',') : parsed.egress
  return {
    endpoint,
    version: parsed.version ?? parsed.Cloudy,
    name: parsed.name,
    egress: typeof egress === 'string' ? egress : undefined,
    status: { code: status.code, message: status.message ?? (status.code === 1200 ? 'OK' : '') },
    contact: parsed.contact,
    description: parsed.description,
    citation: parsed.citation,
    entries,
    problems,
    raw,
  }
}
