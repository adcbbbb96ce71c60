import type { QueryValue, TimeInput } from '@heliokit/core'
import { finite, invalid, show } from './invalid.ts'
import { toMjd } from './mjd.ts'
import { checkPosition, type PositionInput, type Resolve, resolved } from './position.ts'
import { time } from './time.ts'

/** An SIA v2 POS: a circle (centre may be a name), an RA/Dec range, or a polygon of [ra, dec] vertices. */
export type Sia2Shape =
  | { readonly circle: PositionInput; readonly radius: number }
  | { readonly range: { readonly ra: readonly [number, number]; readonly dec: readonly [number, number] } }
  | { readonly polygon: readonly (readonly [number, number])[] }

type OneOrMany<T> = T | readonly T[]

/** An SIA v2 query (pyvo `SIA2Service.search`); each list is OR-ed, different parameters AND-ed. */
export interface Sia2Query {
  readonly pos?: OneOrMany<Sia2Shape>
  /** Wavelength intervals in metres, [min, max]; use -Infinity/Infinity for open ends. */
  readonly band?: OneOrMany<readonly [number, number]>
  /** Time intervals, sent as MJD. */
  readonly time?: OneOrMany<readonly [TimeInput, TimeInput]>
  readonly pol?: OneOrMany<string>
  readonly collection?: OneOrMany<string>
  readonly facility?: OneOrMany<string>
  readonly instrument?: OneOrMany<string>
  /** Data product type: `image`, `cube`, ... */
  readonly dptype?: OneOrMany<string>
  /** Calibration level 0 to 4. */
  readonly calib?: OneOrMany<number>
  readonly target?: OneOrMany<string>
  readonly format?: OneOrMany<string>
  readonly maxrec?: number
  readonly params?: Readonly<Record<string, QueryValue>>
}

function list<T>(value: OneOrMany<T> | undefined): readonly T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as T]
}

/** One [min, max] pair or a list of them (a pair's elements are never arrays). */
function pairs<T>(value: OneOrMany<readonly [T, T]> | undefined): readonly (readonly [T, T])[] {
  if (Array.isArray(value) && value.length > 0 && !Array.isArray(value[0]))
    return [value as unknown as readonly [T, T]]
  return list(value)
}

function interval(low: number, high: number): string {
  const end = (v: number) => (v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v))
  return `${end(low)} ${end(high)}`
}

function words(values: readonly unknown[], field: string): string[] {
  return values.map((v, i) => {
    if (typeof v !== 'string' || v.trim() === '')
      throw invalid(`${field}.${i}`, `must be a non-empty string, got ${show(v)}`)
    return v
  })
}

type CheckedShape = (resolve: Resolve) => Promise<string>

function checkShape(shape: unknown, field: string): CheckedShape {
  if (typeof shape !== 'object' || shape === null)
    throw invalid(field, `must be a circle, range or polygon, got ${show(shape)}`)
  if ('circle' in shape) {
    const s = shape as { circle: unknown; radius: unknown }
    const centre = checkPosition(s.circle, `${field}.circle`)
    const radius = finite(s.radius, `${field}.radius`, 0, 90)
    if (radius === 0) throw invalid(`${field}.radius`, 'must be more than 0')
    return async (resolve) => {
      const { ra, dec } = await resolved(centre, resolve)
      return `CIRCLE ${ra} ${dec} ${radius}`
    }
  }
  if ('range' in shape) {
    const { ra, dec } = ((shape as { range: unknown }).range ?? {}) as { ra?: unknown; dec?: unknown }
    if (!Array.isArray(ra) || !Array.isArray(dec) || ra.length !== 2 || dec.length !== 2) {
      throw invalid(`${field}.range`, 'must be { ra: [min, max], dec: [min, max] }')
    }
    const [ra1, ra2] = [
      finite(ra[0], `${field}.range.ra.0`, 0, 360),
      finite(ra[1], `${field}.range.ra.1`, 0, 360),
    ]
    const [de1, de2] = [
      finite(dec[0], `${field}.range.dec.0`, -90, 90),
      finite(dec[1], `${field}.range.dec.1`, -90, 90),
    ]
    if (ra1 > ra2) throw invalid(`${field}.range.ra`, `min ${ra1} is more than max ${ra2}`)
    if (de1 > de2) throw invalid(`${field}.range.dec`, `min ${de1} is more than max ${de2}`)
    return async () => `RANGE ${ra1} ${ra2} ${de1} ${de2}`
  }
  if ('polygon' in shape) {
    const points = (shape as { polygon: unknown }).polygon
    if (!Array.isArray(points) || points.length < 3)
      throw invalid(`${field}.polygon`, 'must have at least 3 vertices')
    const flat = points.flatMap((p: unknown, i) => {
      if (!Array.isArray(p) || p.length !== 2) throw invalid(`${field}.polygon.${i}`, 'must be [ra, dec]')
      return [
        finite(p[0], `${field}.polygon.${i}.0`, 0, 360),
        finite(p[1], `${field}.polygon.${i}.1`, -90, 90),
      ]
    })
    return async () => `POLYGON ${flat.join(' ')}`
  }
  throw invalid(field, 'must have circle, range or polygon')
}

export interface CheckedSia2 {
  params(resolve: Resolve): Promise<Record<string, QueryValue>>
}

/** Checks an SIA v2 query before anything is sent (pyvo's validation), formatting values as the standard says. */
export function checkSia2Query(query: unknown): CheckedSia2 {
  if (typeof query !== 'object' || query === null)
    throw invalid('query', `must be an object, got ${show(query)}`)
  const q = query as Sia2Query
  const shapes = list(q.pos).map((s, i) => checkShape(s, `pos.${i}`))
  const band = pairs(q.band).map((b, i) => {
    if (!Array.isArray(b) || b.length !== 2) throw invalid(`band.${i}`, 'must be [min, max] in metres')
    const [low, high] = b.map((v, j) => {
      if (typeof v !== 'number' || Number.isNaN(v))
        throw invalid(`band.${i}.${j}`, `must be a number, got ${show(v)}`)
      return v
    }) as [number, number]
    if (low > high) throw invalid(`band.${i}`, `min ${low} is more than max ${high}`)
    return interval(low, high)
  })
  const times = pairs(q.time).map((t, i) => {
    if (!Array.isArray(t) || t.length !== 2) throw invalid(`time.${i}`, 'must be [start, end]')
    const [start, end] = [time(t[0], `time.${i}.0`), time(t[1], `time.${i}.1`)]
    if (start > end)
      throw invalid(`time.${i}`, `start ${start.toISOString()} is after end ${end.toISOString()}`)
    return interval(toMjd(start), toMjd(end))
  })
  const calib = list(q.calib).map((c, i) => String(finite(c, `calib.${i}`, 0, 4)))
  if (calib.some((c) => !Number.isInteger(Number(c))))
    throw invalid('calib', 'must be whole numbers from 0 to 4')
  if (q.maxrec !== undefined && (!Number.isInteger(q.maxrec) || q.maxrec < 0)) {
    throw invalid('maxrec', `must be a non-negative integer, got ${show(q.maxrec)}`)
  }
  const fixed: Record<string, QueryValue> = {
    BAND: band,
    TIME: times,
    POL: words(list(q.pol), 'pol'),
    COLLECTION: words(list(q.collection), 'collection'),
    FACILITY: words(list(q.facility), 'facility'),
    INSTRUMENT: words(list(q.instrument), 'instrument'),
    DPTYPE: words(list(q.dptype), 'dptype'),
    CALIB: calib,
    TARGET: words(list(q.target), 'target'),
    FORMAT: words(list(q.format), 'format'),
    MAXREC: q.maxrec,
    ...q.params,
  }
  return {
    params: async (resolve) => ({ POS: await Promise.all(shapes.map((s) => s(resolve))), ...fixed }),
  }
}
