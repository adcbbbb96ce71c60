import { invalid } from './input-error.ts'

export type AuroraxOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'between' | 'in' | 'not in'
export const OPERATORS: readonly AuroraxOperator[] = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'between',
  'in',
  'not in',
]

export type AuroraxMetadataValue = string | number | boolean

/** One test on a metadata key; values are sent as strings. */
export interface AuroraxMetadataExpression {
  readonly key: string
  readonly operator: AuroraxOperator
  readonly values: readonly AuroraxMetadataValue[]
}

export interface AuroraxMetadataFilter {
  /** How expressions combine. Default `AND`. */
  readonly logicalOperator?: 'AND' | 'OR' | 'and' | 'or'
  readonly expressions: readonly AuroraxMetadataExpression[]
}

/** The wire form: `{logical_operator, expressions[{key, operator, values[]}]}`. */
export interface WireMetadataFilter {
  readonly logical_operator: 'AND' | 'OR'
  readonly expressions: { key: string; operator: AuroraxOperator; values: string[] }[]
}

/** A checked expression: `expression('nbtrace_region', 'in', ['north polar cap'])`. */
export function expression(
  key: string,
  operator: AuroraxOperator,
  values: AuroraxMetadataValue | readonly AuroraxMetadataValue[],
): AuroraxMetadataExpression {
  const list = Array.isArray(values) ? [...values] : [values as AuroraxMetadataValue]
  const checked = { key, operator, values: list }
  checkExpression(checked, 'expression')
  return checked
}

/** A checked filter: `metadataFilter([expression(...), ...], 'OR')`. */
export function metadataFilter(
  expressions: readonly AuroraxMetadataExpression[],
  logicalOperator: 'AND' | 'OR' = 'AND',
): AuroraxMetadataFilter {
  const filter = { logicalOperator, expressions: [...expressions] }
  toWireFilter(filter, 'metadataFilter')
  return filter
}

function checkExpression(e: AuroraxMetadataExpression, where: string): void {
  if (typeof e?.key !== 'string' || e.key.trim() === '')
    throw invalid(`${where}.key`, 'must be a non-empty string')
  if (!OPERATORS.includes(e.operator)) {
    throw invalid(
      `${where}.operator`,
      `must be one of ${OPERATORS.map((o) => `"${o}"`).join(', ')}, got ${JSON.stringify(e.operator)}`,
    )
  }
  const values = e.values as unknown
  if (!Array.isArray(values) || values.length === 0)
    throw invalid(`${where}.values`, 'must be a non-empty list')
  values.forEach((v, i) => {
    const ok =
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
    if (!ok) throw invalid(`${where}.values.${i}`, 'must be a string, a finite number or a boolean')
  })
  const arity = e.operator === 'between' ? 2 : e.operator === 'in' || e.operator === 'not in' ? undefined : 1
  if (arity !== undefined && values.length !== arity) {
    throw invalid(
      `${where}.values`,
      `operator "${e.operator}" takes ${arity === 2 ? 'two values' : 'one value'}, got ${values.length}`,
    )
  }
}

/** Checks a filter (built or plain) and turns it into its wire form; undefined stays undefined. */
export function toWireFilter(
  filter: AuroraxMetadataFilter | undefined,
  where: string,
): WireMetadataFilter | undefined {
  if (filter === undefined) return undefined
  if (typeof filter !== 'object' || filter === null || !Array.isArray(filter.expressions)) {
    throw invalid(where, 'must be { logicalOperator?, expressions: [...] }')
  }
  const op = String(filter.logicalOperator ?? 'AND').toUpperCase()
  if (op !== 'AND' && op !== 'OR') throw invalid(`${where}.logicalOperator`, 'must be AND or OR')
  const expressions = filter.expressions.map((e, i) => {
    checkExpression(e, `${where}.expressions.${i}`)
    return { key: e.key, operator: e.operator, values: e.values.map(String) }
  })
  return { logical_operator: op, expressions }
}
