import type { ChanmasterRow } from './chanmaster.ts'

/** SIA v1 box: |Δra·cos(dec)| and |Δdec| within half the SIZE. */
export function matchesSia1(row: ChanmasterRow, [ra, dec]: [number, number], size: number[]): boolean {
  const [width, height = width] = size as [number, number?]
  const dRa = Math.abs(((row.ra - ra + 540) % 360) - 180) * Math.cos((dec * Math.PI) / 180)
  return dRa <= width! / 2 && Math.abs(row.dec - dec) <= height! / 2
}

function distance(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const rad = Math.PI / 180
  const cos =
    Math.sin(dec1 * rad) * Math.sin(dec2 * rad) +
    Math.cos(dec1 * rad) * Math.cos(dec2 * rad) * Math.cos((ra1 - ra2) * rad)
  return Math.acos(Math.min(1, Math.max(-1, cos))) / rad
}

type Test = (row: ChanmasterRow) => boolean

/** A POS value as a row test (polygons by their bounding box), or an error message. */
function shape(value: string): Test | string {
  const [kind, ...rest] = value.trim().split(/\s+/)
  const n = rest.map(Number)
  if (n.some(Number.isNaN)) return `UsageFault: POS ${value} has a value that is not a number`
  switch (kind?.toUpperCase()) {
    case 'CIRCLE':
      if (n.length !== 3) return 'UsageFault: CIRCLE needs ra dec radius'
      return (r) => distance(r.ra, r.dec, n[0]!, n[1]!) <= n[2]!
    case 'RANGE':
      if (n.length !== 4) return 'UsageFault: RANGE needs ra1 ra2 dec1 dec2'
      return (r) => r.ra >= n[0]! && r.ra <= n[1]! && r.dec >= n[2]! && r.dec <= n[3]!
    case 'POLYGON': {
      if (n.length < 6 || n.length % 2) return 'UsageFault: POLYGON needs at least 3 ra dec pairs'
      const ras = n.filter((_, i) => i % 2 === 0)
      const decs = n.filter((_, i) => i % 2 === 1)
      return (r) =>
        r.ra >= Math.min(...ras) &&
        r.ra <= Math.max(...ras) &&
        r.dec >= Math.min(...decs) &&
        r.dec <= Math.max(...decs)
    }
    default:
      return `UsageFault: POS shape ${kind} is not CIRCLE, RANGE or POLYGON`
  }
}

function interval(value: string): [number, number] | undefined {
  const n = value
    .trim()
    .split(/\s+/)
    .map((v) => (/^[+-]?inf$/i.test(v) ? (v.startsWith('-') ? -Infinity : Infinity) : Number(v)))
  return n.length === 2 && !n.some(Number.isNaN) ? [n[0]!, n[1]!] : undefined
}

/** The SIA v2 constraints of a request (each parameter OR-ed over its values, parameters AND-ed). */
export function matchesSia2(params: URLSearchParams): Test | string {
  const tests: Test[] = []
  const shapes = params.getAll('POS').map(shape)
  const bad = shapes.find((s) => typeof s === 'string')
  if (bad) return bad as string
  if (shapes.length) tests.push((r) => (shapes as Test[]).some((t) => t(r)))
  const times = params.getAll('TIME').map(interval)
  if (times.some((t) => !t)) return 'UsageFault: TIME must be two MJD values'
  if (times.length) tests.push((r) => times.some((t) => r.time >= t![0] && r.time <= t![1]))
  const collections = params.getAll('COLLECTION')
  if (collections.length) tests.push(() => collections.some((c) => c.toLowerCase() === 'chanmaster'))
  const instruments = params.getAll('INSTRUMENT')
  if (instruments.length) tests.push((r) => instruments.includes(r.detector))
  const targets = params.getAll('TARGET')
  if (targets.length) tests.push((r) => targets.some((t) => t.toLowerCase() === r.name.toLowerCase()))
  const maxrec = params.get('MAXREC')
  if (maxrec !== null && !/^\d+$/.test(maxrec)) return 'UsageFault: MAXREC must be a non-negative integer'
  return (r) => tests.every((t) => t(r))
}
