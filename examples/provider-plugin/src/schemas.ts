import { z } from 'zod'

/** One entry of an nginx `autoindex_format json` listing; extra fields pass through. */
export interface IndexEntry {
  readonly name: string
  readonly type: 'file' | 'directory' | 'other'
  readonly mtime?: string
  readonly size?: number
}

export const listingSchema: z.ZodType<IndexEntry[]> = z.array(
  z
    .object({
      name: z.string().min(1),
      type: z.enum(['file', 'directory', 'other']),
      mtime: z.string().optional(),
      size: z.number().int().nonnegative().optional(),
    })
    .loose(),
)
