import { z } from 'zod'
import { fastDataProducts, fastEphemeris } from './fast-records.ts'
import type { RecordParser } from './parse-records.ts'
import type { AuroraxConjunction, AuroraxDataProduct, AuroraxEphemeris } from './records.ts'
import { conjunctionSchema, dataProductSchema, ephemerisSchema } from './schemas.ts'

/** Each search kind's records: the zod schema decides, the fast path takes the large common shapes. */
export const dataProductRecords: RecordParser<AuroraxDataProduct> = {
  schema: z.array(dataProductSchema),
  fast: fastDataProducts,
}
export const ephemerisRecords: RecordParser<AuroraxEphemeris> = {
  schema: z.array(ephemerisSchema),
  fast: fastEphemeris,
}
export const conjunctionRecords: RecordParser<AuroraxConjunction> = { schema: z.array(conjunctionSchema) }
