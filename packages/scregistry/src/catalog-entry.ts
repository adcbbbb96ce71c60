import { parseTime } from '@heliokit/core'
import { z } from 'zod'

/** One dataset of a bucket catalog, in one shape whatever spec version wrote it. */
export interface ScregistryEntry {
  readonly id: string
  /** Absolute `s3://` or `https://` folder holding `<id>_<YYYY>.csv`, ending in `/`. */
  readonly index: string
  readonly title: string
  readonly start: Date
  readonly stop: Date
  readonly modification?: Date
  /** `csv`, `csv-zip` or `parquet`; `csv` when not given. */
  readonly indextype: string
  readonly filetype?: string
  readonly description?: string
  readonly resource?: string
  readonly creation?: string
  readonly expiration?: string
  readonly verified?: string
  readonly citation?: string
  readonly contact?: string
  readonly about?: string
  /** Files may span years: the year before the range is read too. */
  readonly multiyear: boolean
  readonly tags: readonly string[]
  readonly collections: readonly string[]
  /** The entry as written (older names, `ownership`, unknown fields included). */
  readonly raw: Readonly<Record<string, unknown>>
}

// Older spellings of each field, newest first; `ownership` wraps optional fields in 0.1-0.2 catalogs.
const ALIASES = {
  index: ['index', 'loc'],
  start: ['start', 'startDate', 'startdate'],
  stop: ['stop', 'stopDate', 'stopdate', 'enddate', 'endDate'],
  modification: ['modification', 'modificationDate', 'modificationdate'],
  indextype: ['indextype', 'indexFormat', 'indexformat'],
  filetype: ['filetype', 'fileFormat', 'fileformat'],
  resource: ['resource', 'resourceID'],
  creation: ['creation', 'creationDate'],
  about: ['about', 'aboutURL'],
} as const

const OPTIONAL_TEXT = ['description', 'expiration', 'verified', 'citation', 'contact'] as const

const time = z.string().transform((value, ctx) => {
  try {
    return parseTime(value.trim())
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `is not an ISO 8601 time: ${JSON.stringify(value.slice(0, 40))}`,
    })
    return z.NEVER
  }
})

const folder = z.string().min(1)

const entrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "-" or "."'),
  index: folder,
  title: z.string(),
  start: time,
  stop: time,
  modification: time.optional().catch(undefined),
  indextype: z.string().optional(),
  filetype: z.string().optional(),
  multiyear: z.union([z.boolean(), z.string()]).optional(),
  tags: z.array(z.string()).optional(),
  collections: z.array(z.string()).optional(),
})

/** The entry's fields under their current names, from whichever spelling and nesting the writer used. */
function flatten(raw: Record<string, unknown>): Record<string, unknown> {
  const ownership = typeof raw.ownership === 'object' && raw.ownership !== null ? raw.ownership : {}
  const merged: Record<string, unknown> = { ...(ownership as Record<string, unknown>), ...raw }
  const out: Record<string, unknown> = { ...merged }
  for (const [name, spellings] of Object.entries(ALIASES)) {
    const found = spellings.find((s) => merged[s] !== undefined && merged[s] !== null && merged[s] !== '')
    out[name] = found === undefined ? undefined : merged[found]
  }
  return out
}

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

export type EntryResult =
  | { readonly ok: true; readonly entry: ScregistryEntry }
  | { readonly ok: false; readonly issues: readonly { path: string; message: string }[] }

/** Normalises one raw catalog entry; `base` resolves a relative `loc` (the folder of catalog.json). */
export function parseEntry(raw: unknown, base: string): EntryResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'is not an object' }] }
  }
  const flat = flatten(raw as Record<string, unknown>)
  const parsed = entrySchema.safeParse(flat)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    }
  }
  const e = parsed.data
  const index = resolveFolder(e.index, base)
  if (index === undefined) {
    return {
      ok: false,
      issues: [{ path: 'index', message: `is not an s3:// or https:// folder: ${e.index}` }],
    }
  }
  const texts = Object.fromEntries(OPTIONAL_TEXT.map((k) => [k, optionalText(flat[k])]))
  return {
    ok: true,
    entry: {
      ...texts,
      id: e.id,
      index,
      title: e.title,
      start: e.start,
      stop: e.stop,
      modification: e.modification,
      indextype: (e.indextype ?? 'csv').toLowerCase(),
      filetype: optionalText(e.filetype),
      resource: optionalText(flat.resource),
      creation: optionalText(flat.creation),
      about: optionalText(flat.about),
      multiyear: e.multiyear === true || (typeof e.multiyear === 'string' && /^true$/i.test(e.multiyear)),
      tags: e.tags ?? [],
      collections: e.collections ?? [],
      raw: raw as Record<string, unknown>,
    },
  }
}

/** An absolute folder URL ending in `/`; a relative one is taken inside `base`. */
export function resolveFolder(location: string, base: string): string | undefined {
  const absolute = /^(s3|https?):\/\//i.test(location)
  const joined = absolute ? location : base + location.replace(/^\/+/, '')
  if (!URL.canParse(joined) || /\/\.\.?(\/|$)/.test(joined)) return undefined
  return joined.endsWith('/') ? joined : `${joined}/`
}
