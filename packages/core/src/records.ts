import { z } from 'zod'

export interface Link {
  readonly href: string
  /** What the link is: `data-tree`, `doi`, `documentation`, `datalink`, ... */
  readonly rel: string
  readonly title?: string
}

/** A dataset as any provider describes it, so apps can list datasets across archives. */
export interface DatasetInfo {
  readonly provider: string
  readonly id: string
  readonly title: string
  readonly description?: string
  readonly timeSpan?: { readonly start?: Date; readonly end?: Date }
  readonly citation?: string
  readonly doi?: string
  readonly links: readonly Link[]
  /** The provider's own record, unchanged. */
  readonly raw: unknown
}

export interface Checksum {
  readonly algorithm: 'sha256' | 'sha1' | 'md5'
  /** Lower-case hex. */
  readonly value: string
}

/** One downloadable file from any provider. */
export interface DataFile {
  readonly provider: string
  readonly dataset: string
  /** `https:`, `http:` or `s3:` URL. */
  readonly url: string
  readonly start?: Date
  readonly stop?: Date
  readonly size?: number
  readonly checksum?: Checksum
  /** Relative POSIX path for the local layout: no leading `/`, no `..`, no backslash. */
  readonly path: string
  /** Other URLs of the same bytes (an https copy of an `s3:` object), tried in order when `url` fails. */
  readonly mirrors?: readonly string[]
  readonly metadata: Readonly<Record<string, unknown>>
}

/** Whether a relative path stays inside the folder it is joined to. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false
  if (/^[a-zA-Z]:/.test(path)) return false
  return path.split('/').every((part) => part !== '..' && part !== '.' && part !== '')
}

const utcDate = z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid Date')

export const linkSchema: z.ZodType<Link> = z.object({
  href: z.string().min(1),
  rel: z.string().min(1),
  title: z.string().optional(),
})

/** The shape every DatasetInfo must have; the conformance suite checks providers against it. */
export const datasetInfoSchema: z.ZodType<DatasetInfo> = z.object({
  provider: z.string().min(1),
  id: z.string().min(1),
  title: z.string(),
  description: z.string().optional(),
  timeSpan: z.object({ start: utcDate.optional(), end: utcDate.optional() }).optional(),
  citation: z.string().optional(),
  doi: z.string().optional(),
  links: z.array(linkSchema),
  raw: z.unknown(),
})

/** The shape every DataFile must have. */
const fileUrl = z
  .string()
  .refine(
    (u) => URL.canParse(u) && ['http:', 'https:', 's3:'].includes(new URL(u).protocol),
    'must be an http(s): or s3: URL',
  )

export const dataFileSchema: z.ZodType<DataFile> = z.object({
  provider: z.string().min(1),
  dataset: z.string().min(1),
  url: fileUrl,
  start: utcDate.optional(),
  stop: utcDate.optional(),
  size: z.number().int().nonnegative().optional(),
  checksum: z
    .object({ algorithm: z.enum(['sha256', 'sha1', 'md5']), value: z.string().regex(/^[0-9a-f]+$/) })
    .optional(),
  path: z.string().refine(isSafeRelativePath, 'must be a safe relative path'),
  mirrors: z.array(fileUrl).optional(),
  metadata: z.record(z.string(), z.unknown()),
})
