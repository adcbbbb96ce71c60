import { deterministicBytes } from '../deterministic-bytes.ts'

/** One observation of the emulated HEASARC `chanmaster` table. */
export interface ChanmasterRow {
  readonly obsid: number
  readonly status: string
  readonly name: string
  readonly ra: number
  readonly dec: number
  /** Start, MJD. */
  readonly time: number
  readonly detector: string
  readonly grating: string
  readonly exposure: number
  /** Object key of the event file in the bucket (HEASARC keys have no leading slash; some rows give one). */
  readonly key: string
  /** How the row writes cloud_access: an object, a list of objects, or nothing. */
  readonly cloud: 'object' | 'list' | 'none'
}

export const BUCKET = 'nasa-heasarc'
export const BUCKET_REGION = 'us-east-1'

/** Targets the rows point at, with the coordinates Sesame gives for them. */
export const TARGETS: readonly { readonly name: string; readonly ra: number; readonly dec: number }[] = [
  { name: 'NGC 4151', ra: 182.6357364, dec: 39.4058434 },
  { name: 'M31', ra: 10.6847083, dec: 41.26875 },
  { name: 'Cas A', ra: 350.8583333, dec: 58.8116667 },
  { name: 'Sgr A*', ra: 266.416825, dec: -29.0078106 },
]

const DETECTORS = ['ACIS-S', 'ACIS-I', 'HRC-I', 'HRC-S'] as const
const MJD_2000 = 51544

/** `count` rows spread over the targets (a small offset each), one every 5 days from 2000-01-01. */
export function chanmasterRows(count: number): ChanmasterRow[] {
  return Array.from({ length: count }, (_, i) => {
    const target = TARGETS[i % TARGETS.length]!
    const obsid = 1000 + i
    const offset = ((i * 37) % 100) / 1000
    return {
      obsid,
      status: i % 7 === 6 ? 'scheduled' : 'archived',
      name: target.name,
      ra: target.ra + offset,
      dec: target.dec - offset / 2,
      time: MJD_2000 + i * 5 + 0.25,
      detector: DETECTORS[i % DETECTORS.length]!,
      grating: i % 3 === 0 ? 'HETG' : 'NONE',
      exposure: 1000 + ((i * 131) % 90_000),
      key: `chandra/data/byobsid/${obsid % 10}/${obsid}/primary/acisf${obsid}_evt2.fits`,
      cloud: i % 5 === 4 ? 'none' : i % 2 === 0 ? 'object' : 'list',
    }
  })
}

/** The bytes of a row's event file (the same over https and s3). */
export function eventFileBytes(row: Pick<ChanmasterRow, 'obsid' | 'key'>): Uint8Array {
  return deterministicBytes(row.key, 2048 + (row.obsid % 97) * 16)
}

/** The row's `cloud_access` cell as HEASARC writes it (some keys with a leading slash, some cells lists). */
export function cloudAccessCell(row: ChanmasterRow): string {
  const aws = {
    aws: {
      bucket_name: BUCKET,
      region: BUCKET_REGION,
      access: 'open',
      key: row.obsid % 4 === 1 ? `/${row.key}` : row.key,
    },
  }
  if (row.cloud === 'none') return ''
  return JSON.stringify(row.cloud === 'list' ? [aws] : aws)
}

export function ivoid(obsid: number): string {
  return `ivo://nasa.heasarc/chanmaster?${obsid}`
}
