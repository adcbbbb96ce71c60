import type { QueryValue } from '@heliokit/core'
import { finite, invalid, show } from './invalid.ts'
import { checkPosition, type PositionInput, type Resolve, resolved } from './position.ts'

export type SiaIntersect = 'COVERS' | 'ENCLOSED' | 'CENTER' | 'OVERLAPS'

/** An SIA v1 query (pyvo `SIAService.search`). */
export interface SiaQuery {
  /** Centre of the region: ICRS degrees or an object name (resolved with Sesame). */
  readonly pos: PositionInput
  /** Size in degrees: one value for a square, or [ra, dec] widths. */
  readonly size: number | readonly [number, number]
  /** MIME types, or `all`, `graphic`, `metadata`. */
  readonly format?: string | readonly string[]
  readonly intersect?: SiaIntersect | Lowercase<SiaIntersect>
  /** VERB: 0 to 3, how many columns to return. */
  readonly verbosity?: 0 | 1 | 2 | 3
  /** Further parameters, sent as given. */
  readonly params?: Readonly<Record<string, QueryValue>>
}

const INTERSECTS: ReadonlySet<string> = new Set(['COVERS', 'ENCLOSED', 'CENTER', 'OVERLAPS'])

export interface CheckedSia {
  readonly pos: PositionInput
  params(resolve: Resolve): Promise<Record<string, QueryValue>>
}

/** Checks an SIA v1 query before anything is sent; `params` resolves a name and formats POS/SIZE. */
export function checkSiaQuery(query: unknown): CheckedSia {
  if (typeof query !== 'object' || query === null)
    throw invalid('query', `must be an object, got ${show(query)}`)
  const q = query as SiaQuery
  const pos = checkPosition(q.pos, 'pos')
  const size = Array.isArray(q.size) ? q.size : [q.size]
  if (size.length < 1 || size.length > 2) throw invalid('size', 'must be one number or two')
  for (const [i, s] of size.entries()) finite(s, `size.${i}`, 0, 180)
  const formats = q.format === undefined ? [] : Array.isArray(q.format) ? q.format : [q.format]
  for (const [i, f] of formats.entries()) {
    if (typeof f !== 'string' || !/^[\w.+-]+(\/[\w.+-]+)?$/.test(f))
      throw invalid(`format.${i}`, `is not a format: ${show(f)}`)
  }
  const intersect = q.intersect?.toUpperCase()
  if (intersect !== undefined && !INTERSECTS.has(intersect)) {
    throw invalid('intersect', `must be COVERS, ENCLOSED, CENTER or OVERLAPS, got ${show(q.intersect)}`)
  }
  if (q.verbosity !== undefined && ![0, 1, 2, 3].includes(q.verbosity)) {
    throw invalid('verbosity', `must be 0, 1, 2 or 3, got ${show(q.verbosity)}`)
  }
  return {
    pos,
    params: async (resolve) => {
      const { ra, dec } = await resolved(pos, resolve)
      return {
        POS: `${ra},${dec}`,
        SIZE: size.join(','),
        FORMAT: formats.length ? formats.join(',') : undefined,
        INTERSECT: intersect,
        VERB: q.verbosity,
        ...q.params,
      }
    },
  }
}
