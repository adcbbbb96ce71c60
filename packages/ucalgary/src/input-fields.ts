import { type InvalidInputError, invalidField } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** Instrument arrays the archive has today; a new one can be passed as a plain string. */
export type UcalgaryInstrumentArray =
  | 'themis_asi'
  | 'rego'
  | 'trex_rgb'
  | 'trex_nir'
  | 'trex_blue'
  | 'trex_spectrograph'
  | 'norstar_riometer'
  | 'swan_hsr'
  | 'smile_asi'
  | (string & {})

const DATASET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/
const NAME_FILTER = /^[A-Za-z0-9_-]{0,128}$/
const LEVEL = /^L\d[A-Za-z]?$/
const UID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/
const ARRAY = /^[a-z][a-z0-9_]{0,63}$/

function invalid(field: string, message: string): InvalidInputError {
  return invalidField(field, message, { provider: PROVIDER_ID })
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value
}

/** A dataset name as the archive spells it (upper case); INVALID_INPUT for anything that cannot be one. */
export function datasetName(value: unknown, field = 'dataset'): string {
  if (typeof value !== 'string' || !DATASET_NAME.test(value)) {
    throw invalid(field, `must be a dataset name such as THEMIS_ASI_RAW, got ${show(value)}`)
  }
  return value.toUpperCase()
}

/** The `name` and `level` filters of a dataset listing. */
export function datasetFilter(name: unknown, level: unknown): { name?: string; level?: string } {
  if (name !== undefined && (typeof name !== 'string' || !NAME_FILTER.test(name))) {
    throw invalid('name', `must contain only letters, digits, "_" and "-", got ${show(name)}`)
  }
  if (level !== undefined && (typeof level !== 'string' || !LEVEL.test(level))) {
    throw invalid('level', `must be a level such as L0, L1A or L2, got ${show(level)}`)
  }
  return { name: name || undefined, level: level?.toUpperCase() }
}

/** A site or device uid (`gill`, `themis19`, `rgb-04`), or undefined when not given. */
export function uid(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !UID.test(value)) {
    throw invalid(field, `must be a uid such as gill or themis19, got ${show(value)}`)
  }
  return value.toLowerCase()
}

export function instrumentArray(value: unknown): string {
  if (typeof value !== 'string' || !ARRAY.test(value)) {
    throw invalid('instrumentArray', `must be an instrument array such as themis_asi, got ${show(value)}`)
  }
  return value
}
