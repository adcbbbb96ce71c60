import { finite, invalid, show } from './invalid.ts'

/** ICRS degrees. */
export interface SkyPosition {
  readonly ra: number
  readonly dec: number
}

/** A position, or an object name to resolve with Sesame first. */
export type PositionInput = SkyPosition | string

export function checkPosition(value: unknown, field: string): PositionInput {
  if (typeof value === 'string') {
    if (value.trim() === '' || value.length > 200)
      throw invalid(field, `must be an object name, got ${show(value)}`)
    return value.trim()
  }
  if (typeof value !== 'object' || value === null) {
    throw invalid(field, `must be { ra, dec } in degrees or an object name, got ${show(value)}`)
  }
  const { ra, dec } = value as Partial<SkyPosition>
  return { ra: finite(ra, `${field}.ra`, 0, 360), dec: finite(dec, `${field}.dec`, -90, 90) }
}

/** Positions given as names are resolved; coordinates pass through. */
export type Resolve = (name: string) => Promise<SkyPosition>

export async function resolved(position: PositionInput, resolve: Resolve): Promise<SkyPosition> {
  return typeof position === 'string' ? resolve(position) : position
}
