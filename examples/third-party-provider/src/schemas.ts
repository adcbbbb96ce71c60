import { z } from 'zod'

/** A HAPI `info` response: the fields this plugin reads; the rest pass through. */
export interface HapiInfo {
  readonly HAPI: string
  readonly status: { readonly code: number; readonly message: string }
  readonly startDate: string
  readonly stopDate: string
  readonly description?: string
  readonly resourceURL?: string
  readonly parameters: readonly {
    readonly name: string
    readonly type: string
    readonly units?: string | null
  }[]
  readonly [field: string]: unknown
}

export interface HapiCatalog {
  readonly catalog: { id: string; title?: string }[]
}

// HAPI 3.x responses; only the fields this plugin reads are strict, the rest pass through.
const status = z.object({ code: z.number(), message: z.string() })

export const catalogSchema: z.ZodType<HapiCatalog> = z.object({
  HAPI: z.string(),
  status,
  catalog: z.array(z.object({ id: z.string().min(1), title: z.string().optional() }).loose()),
})

export const infoSchema: z.ZodType<HapiInfo> = z
  .object({
    HAPI: z.string(),
    status,
    startDate: z.string(),
    stopDate: z.string(),
    description: z.string().optional(),
    resourceURL: z.string().optional(),
    parameters: z.array(
      z.object({ name: z.string(), type: z.string(), units: z.string().nullable().optional() }).loose(),
    ),
  })
  .loose()
