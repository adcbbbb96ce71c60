import { isStringList, refuse } from './wire.ts'

export const OPERATORS: readonly string[] = ['=', '!=', '>', '<', '>=', '<=', 'between', 'in', 'not in']

interface Expression {
  readonly key: string
  readonly operator: string
  readonly values: readonly string[]
}

/** A checked metadata filter; `{}` (or absent) matches everything. */
export interface MetadataFilter {
  readonly logical_operator: 'AND' | 'OR'
  readonly expressions: readonly Expression[]
}

/** Checks a wire filter as the API does: 400 for an unknown operator or non-string values. */
export function checkFilter(value: unknown, where: string): MetadataFilter {
  if (value === undefined || value === null) return { logical_operator: 'AND', expressions: [] }
  if (typeof value !== 'object' || Array.isArray(value))
    refuse(400, 'VALIDATION_ERROR', `${where} must be an object`)
  const raw = value as { logical_operator?: unknown; expressions?: unknown }
  if (raw.expressions === undefined) return { logical_operator: 'AND', expressions: [] }
  const op = String(raw.logical_operator ?? 'AND').toUpperCase()
  if (op !== 'AND' && op !== 'OR')
    refuse(400, 'VALIDATION_ERROR', `${where}.logical_operator must be AND or OR`)
  if (!Array.isArray(raw.expressions)) refuse(400, 'VALIDATION_ERROR', `${where}.expressions must be a list`)
  const expressions = raw.expressions.map((e: unknown, i: number) => {
    const x = e as Partial<Record<'key' | 'operator' | 'values', unknown>>
    if (typeof x?.key !== 'string' || !OPERATORS.includes(String(x.operator)) || !isStringList(x.values)) {
      refuse(
        400,
        'VALIDATION_ERROR',
        `${where}.expressions[${i}] needs a key, a known operator and string values`,
      )
    }
    return { key: x.key, operator: String(x.operator), values: x.values }
  })
  return { logical_operator: op, expressions }
}

export function isEmptyFilter(filter: MetadataFilter): boolean {
  return filter.expressions.length === 0
}

/** Whether a record's metadata passes the filter; list-valued metadata matches when any element does. */
export function matchesFilter(filter: MetadataFilter, metadata: Readonly<Record<string, unknown>>): boolean {
  if (filter.expressions.length === 0) return true
  const test = (e: Expression) => {
    const value = metadata[e.key]
    const candidates = Array.isArray(value) ? value : [value]
    const hit = candidates.some((v) => v !== undefined && v !== null && compare(e, v))
    // "not in" and "!=" hold for every element, and for a missing key
    if (e.operator === '!=' || e.operator === 'not in') {
      return candidates.every((v) => v === undefined || v === null || compare(e, v))
    }
    return hit
  }
  return filter.logical_operator === 'AND' ? filter.expressions.every(test) : filter.expressions.some(test)
}

function compare(e: Expression, value: unknown): boolean {
  const text = String(value)
  const order = (a: string, b: string): number => {
    const x = Number(a)
    const y = Number(b)
    return a.trim() !== '' && b.trim() !== '' && !Number.isNaN(x) && !Number.isNaN(y)
      ? x - y
      : a.localeCompare(b)
  }
  const [first = '', second = ''] = e.values
  switch (e.operator) {
    case '=':
      return order(text, first) === 0
    case '!=':
      return order(text, first) !== 0
    case '>':
      return order(text, first) > 0
    case '<':
      return order(text, first) < 0
    case '>=':
      return order(text, first) >= 0
    case '<=':
      return order(text, first) <= 0
    case 'between':
      return order(text, first) >= 0 && order(text, second) <= 0
    case 'in':
      return e.values.some((v) => order(text, v) === 0)
    default:
      return e.values.every((v) => order(text, v) !== 0)
  }
}

/** `(key op 'a', 'b') AND ...`, as the describe endpoint renders filters. */
export function describeFilter(filter: MetadataFilter): string {
  return filter.expressions
    .map((e) => `${e.key} ${e.operator} (${e.values.map((v) => `'${v}'`).join(', ')})`)
    .join(` ${filter.logical_operator} `)
}
