import { InvalidInputError, parseTime } from '@heliokit/core'
import type { OptionSpec, OptionValue } from '@heliokit/core/commands'
import { flagName } from './flag-name.ts'

/** An option's value as its spec types it; INVALID_INPUT naming the flag for text that does not fit. */
export function optionValue(spec: OptionSpec, raw: unknown): OptionValue | undefined {
  const value = raw ?? spec.default
  const flag = `--${flagName(spec.name)}`
  if (value === undefined) {
    if (spec.required) throw invalid(flag, 'is required')
    return undefined
  }
  if (typeof value !== 'string') return value as OptionValue
  switch (spec.type ?? 'string') {
    case 'number': {
      const n = Number(value)
      if (value.trim() === '' || !Number.isFinite(n))
        throw invalid(flag, `must be a number, got ${JSON.stringify(value)}`)
      return n
    }
    case 'boolean':
      return value !== 'false'
    case 'time':
      try {
        return parseTime(value, flag)
      } catch {
        throw invalid(flag, `must be a UTC time such as 2022-01-01T06:00, got ${JSON.stringify(value)}`)
      }
    case 'list':
      return value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    default:
      if (spec.choices && !spec.choices.includes(value)) {
        throw invalid(flag, `must be one of ${spec.choices.join(', ')}, got ${JSON.stringify(value)}`)
      }
      return value
  }
}

function invalid(flag: string, message: string): InvalidInputError {
  return new InvalidInputError(`${flag} ${message}`, { issues: [{ path: flag, message }] })
}
