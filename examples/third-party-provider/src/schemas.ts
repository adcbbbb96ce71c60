import { z } from 'zod'

// HAPI 3.x responses; only the fields this plugin reads are strict, the rest pass through.
const status = z.object({ code: z.number(), message: z.string() })

export const catalogSchema = z.object({
  HAPI: z.string(),
  status,
  catalog: z.array(z.object({ id: z.string().min(1), title: z.string().optional() }).loose()),
})

export const infoSchema = z
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

export type HapiInfo = z.output<typeof infoSchema>
